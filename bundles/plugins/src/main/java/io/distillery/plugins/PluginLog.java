package io.distillery.plugins;

/**
 * Writes the plugin folder's problems, one line each, to the standard error stream so that a command's own
 * output on the standard output stays clean: {@code plugins: <file>: <problem>}.
 */
final class PluginLog {

    private PluginLog() {}

    /**
     * Reports one problem with one file.
     *
     * @param file the file's name in the plugins folder
     * @param problem what is wrong, as one sentence; line breaks are folded into spaces
     */
    static void report(String file, String problem) {
        System.err.println("plugins: " + file + ": " + problem.replaceAll("\\s+", " ").strip());
    }

    /**
     * Extracts a failure's reason: the innermost cause's message, without the repeat of the unresolved
     * requirements that Felix appends to a resolution failure.
     *
     * @param failure what went wrong
     * @return its reason in one line
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int repeat = message.indexOf(" Unresolved requirements:");
        return repeat > 0 ? message.substring(0, repeat) : message;
    }
}
