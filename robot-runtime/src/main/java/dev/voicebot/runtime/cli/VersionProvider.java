package dev.voicebot.runtime.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"robot " + (v == null ? "(development build)" : v), "Java " + System.getProperty("java.version")};
    }
}
