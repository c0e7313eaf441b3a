package io.distillery.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symbolic names of the bundles of the default distribution, read from the {@code -runbundles} that the bnd
 * resolver wrote into {@code features/distillery/distillery.bndrun} (copied into this bundle when it was built).
 */
final class DistributionBundles {

    /** The copy of the distribution's bndrun inside this bundle. */
    static final String ENTRY = "distribution.bndrun";

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("([\\w.-]+);version=");

    private DistributionBundles() {}

    /**
     * @param bndrun the distribution's bndrun
     * @return the symbolic names of its {@code -runbundles}, in their order
     * @throws IOException when the file cannot be read
     */
    static List<String> read(URL bndrun) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = bndrun.openStream()) {
            properties.load(in); // bnd files are properties files: "key: value", lines continued by '\'
        }
        List<String> names = new ArrayList<>();
        Matcher matcher = SYMBOLIC_NAME.matcher(properties.getProperty("-runbundles", ""));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
