package dev.mapper.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The content fields of a mapping object, by their official names: what makes two mappings the same, and what
 * {@code diff} compares. Position and set are not content.
 */
public enum MappingField {
    CAPABILITY_ID("capability_id", Mapping::capabilityId),
    CAPABILITY_DESCRIPTION("capability_description", Mapping::capabilityDescription),
    CAPABILITY_GROUP("capability_group", Mapping::capabilityGroup),
    MAPPING_TYPE("mapping_type", Mapping::mappingType),
    ATTACK_OBJECT_ID("attack_object_id", Mapping::attackObjectId),
    ATTACK_OBJECT_NAME("attack_object_name", Mapping::attackObjectName),
    SCORE_CATEGORY("score_category", Mapping::scoreCategory),
    SCORE_VALUE("score_value", Mapping::scoreValue),
    RELATED_SCORE("related_score", Mapping::relatedScore),
    COMMENTS("comments", Mapping::comments),
    REFERENCES("references", Mapping::references),
    STATUS("status", Mapping::status),
    AUTHOR("author", Mapping::author),
    AUTHOR_CONTACT("author_contact", Mapping::authorContact),
    AUTHOR_ORGANIZATION("author_organization", Mapping::authorOrganization),
    EXTRA_FIELDS("extra_fields", MappingField::ownExtraFields);

    /**
     * Set metadata that some files repeat in every mapping object (KEV's {@code mapping_framework_version}): it
     * describes the set, differs between versions by nature, and so is not content.
     */
    private final String officialName;
    private final Function<Mapping, Object> value;

    MappingField(String officialName, Function<Mapping, Object> value) {
        this.officialName = officialName;
        this.value = value;
    }

    /** The snake_case name of the unified schema (and of mapper's JSON). */
    public String officialName() {
        return officialName;
    }

    /** The field's value in a mapping: a string, a list of strings, a map for extra fields, or null. */
    public Object value(Mapping m) {
        return value.apply(m);
    }

    private static Map<String, Object> ownExtraFields(Mapping m) {
        Map<String, Object> own = new LinkedHashMap<>(m.extraFields());
        own.keySet().removeAll(SetKey.FIELDS);
        return own;
    }
}
