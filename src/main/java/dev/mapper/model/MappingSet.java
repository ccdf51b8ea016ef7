package dev.mapper.model;

import java.util.Map;
import java.util.Objects;

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

    // equals and hashCode written out: the generated ones bootstrap method handles on first use, which costs a cold
    // start ~17 ms for the first record class and ~3 ms for each more (sets key the index's maps on every run); and
    // the hash leaves out the maps, which every lookup would otherwise walk. Equal sets still hash alike.
    @Override
    public boolean equals(Object other) {
        return other instanceof MappingSet set && Objects.equals(framework, set.framework)
                && Objects.equals(frameworkVersion, set.frameworkVersion)
                && Objects.equals(attackVersion, set.attackVersion) && Objects.equals(domain, set.domain)
                && Objects.equals(mappingVersion, set.mappingVersion)
                && Objects.equals(frameworkVersionSchema, set.frameworkVersionSchema)
                && Objects.equals(creationDate, set.creationDate) && Objects.equals(lastUpdate, set.lastUpdate)
                && Objects.equals(author, set.author) && Objects.equals(contact, set.contact)
                && Objects.equals(organization, set.organization) && Objects.equals(mappingTypes, set.mappingTypes)
                && Objects.equals(capabilityGroups, set.capabilityGroups)
                && Objects.equals(extraMetadata, set.extraMetadata) && Objects.equals(source, set.source);
    }

    @Override
    public int hashCode() {
        // Objects.hash's value without its array, an allocation per lookup: show hashes a set for each mapping it prints.
        int hash = 31 + Objects.hashCode(framework);
        hash = 31 * hash + Objects.hashCode(frameworkVersion);
        hash = 31 * hash + Objects.hashCode(attackVersion);
        hash = 31 * hash + Objects.hashCode(domain);
        return 31 * hash + (source == null ? 0 : Objects.hashCode(source.location()));
    }

    @Override
    public String toString() {
        return key() + " (" + source + ")";
    }
}
