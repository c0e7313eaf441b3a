package io.distillery.data.transform;

import java.util.random.RandomGenerator;

/**
 * The operations {@code rand-augment} chooses from, each at a strength {@code level} in {@code [0, 1]} (the
 * config's magnitude divided by 10). Photometric operations assume values in {@code [0, 1]} and keep them
 * there, so RandAugment comes before {@code normalize}. A subset of Cubuk et al.'s list: those that need no
 * interpolation.
 */
enum RandAugmentOp {
    IDENTITY {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            // Leaves the image as it is: RandAugment's way of sometimes applying fewer operations.
        }
    },
    AUTO_CONTRAST {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            for (int c = 0; c < p.count(); c++) {
                int from = c * p.area();
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (int i = from; i < from + p.area(); i++) {
                    lo = Math.min(lo, x[i]);
                    hi = Math.max(hi, x[i]);
                }
                if (hi > lo) {
                    for (int i = from; i < from + p.area(); i++) {
                        x[i] = (x[i] - lo) / (hi - lo);
                    }
                }
            }
        }
    },
    BRIGHTNESS {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            float delta = (float) (signed(0.4 * level, random));
            for (int i = 0; i < p.count() * p.area(); i++) {
                x[i] = clip(x[i] + delta);
            }
        }
    },
    CONTRAST {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            int n = p.count() * p.area();
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i];
            }
            float m = (float) (mean / Math.max(1, n));
            float factor = (float) (1 + signed(0.9 * level, random));
            for (int i = 0; i < n; i++) {
                x[i] = clip(m + (x[i] - m) * factor);
            }
        }
    },
    SOLARIZE {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            float threshold = (float) (1 - level);
            for (int i = 0; i < p.count() * p.area(); i++) {
                if (x[i] >= threshold) {
                    x[i] = 1 - x[i];
                }
            }
        }
    },
    POSTERIZE {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            // 8 bits at level 0 down to 4 bits at level 1, as in the original's range.
            float steps = (1 << (8 - (int) Math.round(4 * level))) - 1;
            for (int i = 0; i < p.count() * p.area(); i++) {
                x[i] = Math.round(clip(x[i]) * steps) / steps;
            }
        }
    },
    TRANSLATE_X {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            p.shift(x, (int) Math.round(signed(0.3 * level * p.width(), random)), 0, 0);
        }
    },
    TRANSLATE_Y {
        @Override
        void apply(float[] x, Planes p, double level, RandomGenerator random) {
            p.shift(x, 0, (int) Math.round(signed(0.3 * level * p.height(), random)), 0);
        }
    };

    /**
     * @param x an image's values, changed in place
     * @param p its planes
     * @param level the strength in {@code [0, 1]}
     * @param random the generator for the operation's direction
     */
    abstract void apply(float[] x, Planes p, double level, RandomGenerator random);

    private static double signed(double amount, RandomGenerator random) {
        return random.nextBoolean() ? amount : -amount;
    }

    private static float clip(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
