package dev.mapper.model;

/**
 * What ATT&CK records as using techniques ({@code uses} relationships): a group, a piece of software or a campaign.
 * Adversary coverage, gaps and layers take any of them.
 */
public sealed interface Adversary extends AttackObject permits Group, Software, Campaign {

    String description();
}
