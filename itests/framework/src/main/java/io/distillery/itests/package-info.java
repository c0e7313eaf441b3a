/**
 * In-framework tests: run by the bnd tester inside Felix on the default distribution's bundles, with osgi-test
 * injecting the bundle context and services. The test classes are this bundle's main code; nothing is exported.
 */
package io.distillery.itests;
