package dev.mapper.cli;

import picocli.CommandLine.Option;

/** How an adversary's techniques are counted: its own (and for a group its campaigns'), or with its software's too. */
final class AdversaryOptions {

    @Option(names = "--include-software",
            description = "Count the techniques of the software a group or campaign uses as its own.")
    boolean includeSoftware;
}
