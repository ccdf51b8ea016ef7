package dev.mapper.testing;

import dev.mapper.model.DataSource;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import dev.mapper.model.AttackObjects;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Deferred;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model records made by hand, for unit tests of the code that takes them (renderers, index queries): a record has
 * many components, and a test names only those it is about.
 */
public final class Records {

    private Records() {
    }

    /** A set of enterprise ATT&CK 16.1 from a file named after it, with the types protect and detect defined. */
    public static MappingSet set(String framework, String frameworkVersion) {
        return set(framework, frameworkVersion, "16.1", "enterprise", framework + ".json");
    }

    public static MappingSet set(String framework, String frameworkVersion, String attackVersion, String domain,
                                 String file) {
        Map<String, MappingType> types = new LinkedHashMap<>();
        types.put("protect", new MappingType("protect", "Protect", "Prevents the technique"));
        types.put("related_to", new MappingType("related_to", "related-to", "Relates to it"));
        return new MappingSet(framework, frameworkVersion, attackVersion, domain, "1", "date", "01/01/2025",
                "02/01/2025", "someone", "someone@example.com", "Example Org", types, Map.of(), Map.of(),
                DataSource.file(file));
    }

    public static MappingBuilder mapping(MappingSet set, String capabilityId, String techniqueId) {
        return new MappingBuilder(set, capabilityId, techniqueId);
    }

    /** An active enterprise technique of ATT&CK 16.1, with a STIX ID (so: known to ATT&CK data). */
    public static TechniqueBuilder technique(String id, String name) {
        return new TechniqueBuilder(id, name);
    }

    /** A release of the domain read from a user's file, with these techniques and tactics and no other objects. */
    public static AttackRelease release(String domain, String version, List<Technique> techniques,
                                        List<Tactic> tactics) {
        return new AttackRelease(domain, version, DataSource.file(domain + "-attack-" + version + ".json"),
                techniques, tactics, Deferred.now(AttackObjects.NONE));
    }

    public static Tactic tactic(String id, String shortname, String name, int order) {
        return new Tactic(id, shortname, name, "The adversary is trying to " + shortname + ".", "enterprise", order,
                false);
    }

    /** A mapping object; every field not set is null (the type is protect). */
    public static final class MappingBuilder {
        private final MappingSet set;
        private final String capabilityId;
        private final String techniqueId;
        private int line = 3;
        private String description;
        private String group;
        private String type = "protect";
        private String techniqueName;
        private String category;
        private String score;
        private String comments;
        private List<String> references;
        private String status = "complete";

        private MappingBuilder(MappingSet set, String capabilityId, String techniqueId) {
            this.set = set;
            this.capabilityId = capabilityId;
            this.techniqueId = techniqueId;
        }

        public MappingBuilder line(int line) {
            this.line = line;
            return this;
        }

        public MappingBuilder description(String description) {
            this.description = description;
            return this;
        }

        public MappingBuilder group(String group) {
            this.group = group;
            return this;
        }

        public MappingBuilder type(String type) {
            this.type = type;
            return this;
        }

        public MappingBuilder name(String techniqueName) {
            this.techniqueName = techniqueName;
            return this;
        }

        public MappingBuilder score(String category, String value) {
            this.category = category;
            this.score = value;
            return this;
        }

        public MappingBuilder comments(String comments) {
            this.comments = comments;
            return this;
        }

        public MappingBuilder references(String... references) {
            this.references = List.of(references);
            return this;
        }

        public MappingBuilder status(String status) {
            this.status = status;
            return this;
        }

        public Mapping build() {
            return new Mapping(set, line, 5, capabilityId, description, group, type, techniqueId, techniqueName,
                    category, score, null, comments, references, status, null, null, null, Map.of());
        }
    }

    /** A technique; what is not set is as for an active technique with no description, detection or mitigations. */
    public static final class TechniqueBuilder {
        private final String id;
        private final String name;
        private String stixId;
        private String description;
        private String detection;
        private String domain = "enterprise";
        private String attackVersion = "16.1";
        private final List<String> tactics = new ArrayList<>();
        private final List<String> platforms = new ArrayList<>();
        private String parentId;
        private String url;
        private boolean revoked;
        private String revokedBy;
        private boolean deprecated;
        private final List<AttackRef> mitigations = new ArrayList<>();

        private TechniqueBuilder(String id, String name) {
            this.id = id;
            this.name = name;
            this.stixId = "attack-pattern--" + id;
            int dot = id.indexOf('.');
            this.parentId = dot > 0 ? id.substring(0, dot) : null;
        }

        /** Known only from mapping files: no ATT&CK data, so no STIX ID. */
        public TechniqueBuilder withoutAttackData() {
            this.stixId = null;
            return this;
        }

        public TechniqueBuilder description(String description) {
            this.description = description;
            return this;
        }

        /** Its page, instead of the one on attack.mitre.org its ID gives. */
        public TechniqueBuilder url(String url) {
            this.url = url;
            return this;
        }

        public TechniqueBuilder detection(String detection) {
            this.detection = detection;
            return this;
        }

        public TechniqueBuilder domain(String domain, String attackVersion) {
            this.domain = domain;
            this.attackVersion = attackVersion;
            return this;
        }

        public TechniqueBuilder tactics(String... shortnames) {
            tactics.addAll(List.of(shortnames));
            return this;
        }

        public TechniqueBuilder platforms(String... names) {
            platforms.addAll(List.of(names));
            return this;
        }

        public TechniqueBuilder revokedBy(String replacement) {
            this.revoked = true;
            this.revokedBy = replacement;
            return this;
        }

        public TechniqueBuilder deprecated() {
            this.deprecated = true;
            return this;
        }

        public TechniqueBuilder mitigation(String mitigationId, String mitigationName) {
            mitigations.add(new AttackRef(mitigationId, mitigationName,
                    "https://attack.mitre.org/mitigations/" + mitigationId));
            return this;
        }

        public Technique build() {
            String page = url != null || stixId == null ? url
                    : "https://attack.mitre.org/techniques/" + id.replace('.', '/');
            return new Technique(id, stixId, name, description, page, stixId == null ? null : domain,
                    stixId == null ? null : attackVersion, tactics, platforms, detection, parentId != null, parentId,
                    revoked, revokedBy, deprecated, mitigations, List.of(), List.of());
        }
    }
}
