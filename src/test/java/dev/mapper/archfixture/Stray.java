package dev.mapper.archfixture;

/** Breaks a rule on purpose, for ArchitectureTest to prove it can fail: a class in a package no rule knows. */
public final class Stray {

    private Stray() {
    }
}
