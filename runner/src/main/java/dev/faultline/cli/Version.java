package dev.faultline.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ({@code dev} when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"faultline " + (version == null ? "dev" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
