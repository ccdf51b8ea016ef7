package dev.mapper.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content fields of a mapping object, by their official names: what makes two mappings the same, and what
 * {@code diff} compares. Position and set are not content.
 */
public enum MappingField {
    CAPABILITY_ID("capability_id"),
    CAPABILITY_DESCRIPTION("capability_description"),
    CAPABILITY_GROUP("capability_group"),
    MAPPING_TYPE("mapping_type"),
    ATTACK_OBJECT_ID("attack_object_id"),
    ATTACK_OBJECT_NAME("attack_object_name"),
    SCORE_CATEGORY("score_category"),
    SCORE_VALUE("score_value"),
    RELATED_SCORE("related_score"),
    COMMENTS("comments"),
    REFERENCES("references"),
    STATUS("status"),
    AUTHOR("author"),
    AUTHOR_CONTACT("author_contact"),
    AUTHOR_ORGANIZATION("author_organization"),
    EXTRA_FIELDS("extra_fields");

    /**
     * Set metadata that some files repeat in every mapping object (KEV's {@code mapping_framework_version}): it
     * describes the set, differs between versions by nature, and so is not content.
     */
    private final String officialName;

    MappingField(String officialName) {
        this.officialName = officialName;
    }

    /** The snake_case name of the unified schema (and of mapper's JSON). */
    public String officialName() {
        return officialName;
    }

    /**
     * The field's value in a mapping: a string, a list of strings, a map for extra fields, or null. A switch rather
     * than a method reference per constant: each of those is linked when the class is initialised, ~0.1 ms apiece
     * in a cold JVM, on every run that prints a mapping (docs/performance.md).
     */
    public Object value(Mapping m) {
        return switch (this) {
            case CAPABILITY_ID -> m.capabilityId();
            case CAPABILITY_DESCRIPTION -> m.capabilityDescription();
            case CAPABILITY_GROUP -> m.capabilityGroup();
            case MAPPING_TYPE -> m.mappingType();
            case ATTACK_OBJECT_ID -> m.attackObjectId();
            case ATTACK_OBJECT_NAME -> m.attackObjectName();
            case SCORE_CATEGORY -> m.scoreCategory();
            case SCORE_VALUE -> m.scoreValue();
            case RELATED_SCORE -> m.relatedScore();
            case COMMENTS -> m.comments();
            case REFERENCES -> m.references();
            case STATUS -> m.status();
            case AUTHOR -> m.author();
            case AUTHOR_CONTACT -> m.authorContact();
            case AUTHOR_ORGANIZATION -> m.authorOrganization();
            case EXTRA_FIELDS -> ownExtraFields(m);
        };
    }

    private static Map<String, Object> ownExtraFields(Mapping m) {
        Map<String, Object> own = new LinkedHashMap<>(m.extraFields());
        own.keySet().removeAll(SetKey.FIELDS);
        return own;
    }
}
