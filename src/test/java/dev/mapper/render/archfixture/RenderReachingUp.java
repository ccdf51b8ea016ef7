package dev.mapper.render.archfixture;

import dev.mapper.cli.MapperCommand;
import dev.mapper.load.DataRequest;
import picocli.CommandLine;

/** Breaks rules on purpose, for ArchitectureTest to prove they can fail: a renderer using cli, load and picocli. */
public final class RenderReachingUp {

    private RenderReachingUp() {
    }

    static String render(MapperCommand command, DataRequest request, CommandLine commandLine) {
        return String.valueOf(command) + request + commandLine;
    }
}
