/** Running experiments in plain JUnit for strategies' tests. Exports nothing; test scope only. */
package io.distillery.testkit;
