package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.load.DataLoader;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.MappingSet;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code mapper --version}: the tool's version and the versions of the bundled data, read through the cache of
 * loaded files as any command reads them (unless {@code --no-cache}).
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        String version = MapperCommand.class.getPackage().getImplementationVersion();
        lines.add("mapper " + (version == null ? "(development build)" : version));
        MappingIndex bundled = new MappingIndex(DataLoader.load(Commands.dataOptions(spec).bundledRequest()));
        for (AttackRelease release : bundled.releases()) {
            lines.add("bundled ATT&CK: " + release.displayName());
        }
        for (MappingSet set : bundled.sets()) {
            lines.add("bundled mappings: " + set.key());
        }
        // Not String[]::new: a lambda of a class implementing a picocli interface stays out of the class-data archive.
        return lines.toArray(new String[0]);
    }
}
