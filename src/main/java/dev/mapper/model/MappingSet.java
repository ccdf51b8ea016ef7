package dev.mapper.model;

import java.util.Map;

/**
 * The {@code metadata} of one Mappings Explorer file: what every mapping in it shares.
 * {@code extraMetadata} keeps metadata fields the unified schema does not name, so nothing is lost.
 */
public record MappingSet(
        String framework,
        String frameworkVersion,
        String attackVersion,
        String domain,
        String mappingVersion,
        String frameworkVersionSchema,
        String creationDate,
        String lastUpdate,
        String author,
        String contact,
        String organization,
        Map<String, MappingType> mappingTypes,
        Map<String, String> capabilityGroups,
        Map<String, Object> extraMetadata,
        DataSource source) {

    public SetKey key() {
        return new SetKey(framework, frameworkVersion, attackVersion, domain);
    }

    @Override
    public String toString() {
        return key() + " (" + source + ")";
    }
}
