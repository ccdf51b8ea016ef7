package dev.mapper.model;

/**
 * A STIX relationship between two objects of a bundle, by their STIX ids: {@code uses} (a group, software or
 * campaign uses a technique or software; the description is the procedure) and {@code attributed-to} (a campaign
 * to a group).
 */
public record Relationship(String type, String sourceRef, String targetRef, String description) {

    public static final String USES = "uses";
    public static final String ATTRIBUTED_TO = "attributed-to";
}
