package dev.mapper.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mapper.model.AttackCatalog;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.FileContent;
import dev.mapper.model.Finding;
import dev.mapper.model.Finding.Severity;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Technique;
import dev.mapper.model.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code validate}: reads each file as loading would, but records every problem with its position instead of
 * stopping at the first. First each file on its own (schema, and the consistency of its mappings with its
 * metadata), then, once the ATT&CK data is known, each mapping's technique against it.
 */
public final class Validation {

    private final Map<String, List<Finding>> findings = new LinkedHashMap<>();
    private final List<CheckedFile> mappingFiles = new ArrayList<>();
    private final List<AttackRelease> releases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Validation() {
    }

    /** A mapping file as read, with where its values stood. */
    private record CheckedFile(String name, MappingFile file, Positions positions) {

        int line(int index, String field) {
            return positions.line(Positions.pointer("mapping_objects", index, field));
        }

        int column(int index, String field) {
            return positions.column(Positions.pointer("mapping_objects", index, field));
        }
    }

    /**
     * Reads every file (directories: every {@code *.json} below them) and checks each on its own; a file over
     * {@code maxFileSize} bytes is a finding, not read.
     *
     * @throws DataFileException when a path does not exist or a directory cannot be searched
     */
    public static Validation read(List<Path> paths, long maxFileSize) {
        Validation validation = new Validation();
        for (DataLoader.NamedFile file : DataLoader.filesNamedBy(paths, validation.notes)) {
            if (!file.underDirectory()) {
                DataLoader.requireFile(file.path());
            }
            validation.readFile(file.path(), file.underDirectory(), maxFileSize);
        }
        return validation;
    }

    /** The ATT&CK bundles among the files, to check mapping files against. */
    public List<AttackRelease> releases() {
        return List.copyOf(releases);
    }

    /** What the user should know that is not a finding: files skipped, checks that could not be made. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void readFile(Path path, boolean underDirectory, long maxFileSize) {
        String name = path.toString();
        Collector diagnostics = new Collector(name);
        try {
            FileContent content = DataLoader.read(path, maxFileSize, diagnostics);
            if (content.release() != null) {
                releases.add(content.release());
            } else {
                CheckedFile checked = new CheckedFile(name, content.mappings(), diagnostics.positions());
                mappingFiles.add(checked);
                checkDefinitions(checked, diagnostics);
                checkDuplicates(checked, diagnostics);
            }
        } catch (DataFileReader.NotDataException e) {
            if (underDirectory) {
                if (!e.jsonSchema()) {
                    notes.add(e.getMessage() + " (skipped)");
                }
                return;
            }
            diagnostics.add(Severity.ERROR, "format", e.line(), e.column(), e.problem());
        } catch (DataFileException e) {
            diagnostics.add(Severity.ERROR, e.getCause() instanceof JsonProcessingException ? "json" : "schema",
                    e.line(), e.column(), e.problem());
        }
        findings.put(name, diagnostics.findings);
    }

    /** Every group and type used is defined in the metadata; defined but unused ones are warned about. */
    private static void checkDefinitions(CheckedFile checked, Collector out) {
        List<Mapping> mappings = checked.file().mappings();
        Map<String, String> groups = checked.file().set().capabilityGroups();
        Set<String> typesDefined = checked.file().set().mappingTypes().keySet();
        Set<String> groupsUsed = new HashSet<>();
        Set<String> typesUsed = new HashSet<>();
        boolean groupsDeclared = checked.positions().has(Positions.pointer("metadata", "capability_groups"));
        boolean typesDeclared = checked.positions().has(Positions.pointer("metadata", "mapping_types"));
        for (int i = 0; i < mappings.size(); i++) {
            Mapping m = mappings.get(i);
            String group = m.capabilityGroup();
            String type = m.mappingType();
            if (group != null) {
                groupsUsed.add(group);
                if (groupsDeclared && !groups.containsKey(group)) {
                    out.add(Severity.ERROR, "undefined-capability-group", checked.line(i, "capability_group"),
                            checked.column(i, "capability_group"),
                            "capability_group \"" + group + "\" is not defined in metadata \"capability_groups\"");
                }
            }
            if (type != null) {
                typesUsed.add(type);
                if (typesDeclared && !typesDefined.contains(type)) {
                    // Official files use non_mappable without defining it: worth knowing, not worth failing.
                    boolean nonMappable = Mapping.NON_MAPPABLE.equals(type);
                    out.add(nonMappable ? Severity.WARNING : Severity.ERROR, "undefined-mapping-type",
                            checked.line(i, "mapping_type"), checked.column(i, "mapping_type"),
                            "mapping_type \"" + type + "\" is not defined in metadata \"mapping_types\"");
                }
            }
        }
        unused(checked, out, "capability_groups", groups.keySet(), groupsUsed, "unused-capability-group");
        unused(checked, out, "mapping_types", typesDefined, typesUsed, "unused-mapping-type");
    }

    private static void unused(CheckedFile checked, Collector out, String section, Set<String> defined,
                               Set<String> used, String rule) {
        for (String key : defined) {
            if (!used.contains(key)) {
                String pointer = Positions.pointer("metadata", section, key);
                out.add(Severity.WARNING, rule, checked.positions().line(pointer), checked.positions().column(pointer),
                        "\"" + key + "\" is defined in metadata \"" + section + "\" but no mapping uses it");
            }
        }
    }

    /** Exact duplicates (every field equal) add nothing and usually come from a bad merge. */
    private static void checkDuplicates(CheckedFile checked, Collector out) {
        for (List<Mapping> copies : Mapping.withCopies(checked.file().mappings())) {
            Mapping original = copies.get(0);
            for (Mapping m : copies.subList(1, copies.size())) {
                out.add(Severity.WARNING, "duplicate-mapping", m.line(), m.column(),
                        "exact duplicate of the mapping at line " + original.line());
            }
        }
    }

    /**
     * Checks every mapping's technique against the release of its file's domain and ATT&CK version (see
     * {@link AttackCatalog#releaseFor}), whatever else is loaded, and returns everything found, in file order.
     */
    public ValidationReport check(AttackCatalog attack) {
        Set<String> uncheckedDomains = new LinkedHashSet<>();
        Map<String, StandIn> standIns = new LinkedHashMap<>(); // by the release's name
        for (CheckedFile checked : mappingFiles) {
            Collector out = new Collector(checked.name());
            MappingSet set = checked.file().set();
            AttackRelease release = attack.releaseFor(set.domain(), set.attackVersion()).orElse(null);
            if (release == null) {
                uncheckedDomains.add(set.domain());
            } else if (!release.version().equals(set.attackVersion())) {
                standIns.computeIfAbsent(release.displayName(), k -> new StandIn(release, new LinkedHashSet<>()))
                        .versions().add(set.attackVersion());
            }
            List<Mapping> mappings = checked.file().mappings();
            for (int i = 0; i < mappings.size(); i++) {
                Mapping m = mappings.get(i);
                if (m.attackObjectId() != null) {
                    checkTechnique(checked, i, m, release, attack, out);
                }
            }
            findings.get(checked.name()).addAll(out.findings);
        }
        for (String domain : uncheckedDomains) {
            notes.add("no ATT&CK " + AttackDomain.displayName(domain) + " release loaded, so no attack_object_id "
                    + "could be found unknown (add the STIX bundle, e.g. --data "
                    + AttackDomain.of(domain).map(d -> d.bundleFileName(null)).orElse(domain + "-attack.json") + ")");
        }
        // Of a release of unknown version, whether it is the newest loaded cannot be known (as in coverage's note).
        for (StandIn standIn : standIns.values()) {
            String versions = String.join(", ", standIn.versions());
            notes.add("files made against ATT&CK " + versions + " were checked against "
                    + standIn.release().displayName() + (standIn.release().versionKnown() ? ", the newest loaded of "
                    + "their domain" : ", which cannot be matched to " + versions)
                    + " (load their own release to check against it)");
        }
        List<Finding> all = new ArrayList<>();
        for (List<Finding> inFile : findings.values()) {
            inFile.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
            all.addAll(inFile);
        }
        return new ValidationReport(List.copyOf(findings.keySet()), all);
    }

    /**
     * One mapping's technique: well formed; of the file's domain (whatever release knows it); in the release the
     * file is checked against ({@code release}); not revoked or deprecated there; named as it names it. With no
     * release of the domain loaded (null), an ID cannot be called unknown, but one the bundled sample holds is still
     * checked against what the sample says of it.
     */
    private static void checkTechnique(CheckedFile checked, int index, Mapping m, AttackRelease release,
                                       AttackCatalog attack, Collector out) {
        String id = m.attackObjectId();
        int line = checked.line(index, "attack_object_id");
        int column = checked.column(index, "attack_object_id");
        if (!Technique.isWellFormedId(id)) {
            out.add(Severity.ERROR, "attack-id-syntax", line, column, "attack_object_id \"" + id
                    + "\" is not an ATT&CK technique ID (T and 4 digits, optionally . and 3 digits: T1078, T1078.004)");
            return;
        }
        String domain = AttackDomain.normalise(m.set().domain());
        Function<String, Optional<Technique>> lookup = release != null ? i -> attack.technique(release, i)
                : i -> attack.technique(i).filter(t -> AttackDomain.normalise(t.domain()).equals(domain));
        Technique technique = lookup.apply(id).orElse(null);
        if (technique == null) {
            Technique elsewhere = attack.technique(id).orElse(null);
            if (elsewhere != null && !AttackDomain.normalise(elsewhere.domain()).equals(domain)) {
                out.add(Severity.ERROR, "technique-domain", line, column, id + " is an ATT&CK "
                        + AttackDomain.displayName(elsewhere.domain()) + " technique (" + elsewhere.name()
                        + "), but the file's technology_domain is " + m.set().domain());
            } else if (release != null) {
                out.add(Severity.ERROR, "unknown-technique", line, column, id + " is not a technique of ATT&CK "
                        + release.displayName() + (elsewhere == null ? "" : " (it is in "
                        + AttackRelease.displayName(elsewhere.domain(), elsewhere.attackVersion()) + ")"));
            }
            return;
        }
        String inRelease = "ATT&CK " + AttackRelease.displayName(technique.domain(), technique.attackVersion());
        if (technique.revoked()) {
            String replacement = technique.revokedBy() == null ? null : named(lookup, technique.revokedBy());
            out.add(Severity.WARNING, "revoked-technique", line, column, id + " is revoked in " + inRelease
                    + (replacement == null ? "" : "; use " + replacement));
        } else if (technique.deprecated()) {
            out.add(Severity.WARNING, "deprecated-technique", line, column,
                    named(lookup, id) + " is deprecated in " + inRelease + ", with no replacement");
        } else if (m.attackObjectName() != null && !sameName(m.attackObjectName(), technique, lookup)) {
            out.add(Severity.WARNING, "technique-name", checked.line(index, "attack_object_name"),
                    checked.column(index, "attack_object_name"), "attack_object_name \"" + m.attackObjectName()
                            + "\" differs from " + id + "'s name in " + inRelease + ": \"" + technique.name() + "\"");
        }
    }

    /** The name, or the "Parent: Sub-technique" form ATT&CK's own pages and many mapping files use. */
    private static boolean sameName(String name, Technique technique, Function<String, Optional<Technique>> lookup) {
        if (name.equals(technique.name())) {
            return true;
        }
        String parent = technique.parentId() == null ? null
                : lookup.apply(technique.parentId()).map(Technique::name).orElse(null);
        return parent != null && name.equals(parent + ": " + technique.name());
    }

    private static String named(Function<String, Optional<Technique>> lookup, String id) {
        return lookup.apply(id).map(t -> id + " (" + t.name() + ")").orElse(id);
    }

    /** Collects what one file's reading finds; keeps positions for the checks made afterwards. */
    private static final class Collector implements Diagnostics {
        private final String file;
        private final List<Finding> findings = new ArrayList<>();
        private final Positions positions = new Positions();

        Collector(String file) {
            this.file = file;
        }

        void add(Severity severity, String rule, int line, int column, String message) {
            findings.add(new Finding(file, line, column, severity, rule, message));
        }

        @Override
        public void unusable(int line, int column, String message) {
            add(Severity.ERROR, "schema", line, column, message);
        }

        @Override
        public void schema(int line, int column, String message) {
            add(Severity.ERROR, "schema", line, column, message);
        }

        @Override
        public void warning(String rule, int line, int column, String message) {
            add(Severity.WARNING, rule, line, column, message);
        }

        @Override
        public Positions positions() {
            return positions;
        }
    }

    /** A release files were checked against in place of the versions they were made against. */
    private record StandIn(AttackRelease release, Set<String> versions) {
    }
}
