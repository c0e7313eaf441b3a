/**
 * The {@code imagefolder} dataset provider: class folders listed, images decoded with ImageIO and resized.
 * Private to the bundle: nothing here is exported.
 */
package io.distillery.dataset.imagefolder;
