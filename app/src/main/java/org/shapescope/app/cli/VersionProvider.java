package org.shapescope.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest (Implementation-Version), "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ShapescopeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"shapescope " + (version == null ? "dev" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
