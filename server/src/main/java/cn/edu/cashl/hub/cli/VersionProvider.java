package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.server.Hub;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the hub's version. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"CASHL Hub " + Hub.version()};
    }
}
