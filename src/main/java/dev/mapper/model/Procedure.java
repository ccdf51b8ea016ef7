package dev.mapper.model;

/**
 * One way an adversary uses a technique (ATT&CK's procedure example): who ({@code by}: the adversary asked about,
 * a campaign attributed to it, or software it uses) and how (the {@code uses} relationship's description).
 */
public record Procedure(Adversary by, String description) {
}
