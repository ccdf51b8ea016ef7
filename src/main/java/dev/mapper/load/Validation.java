package dev.mapper.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mapper.model.AttackCatalog;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.FileContent;
import dev.mapper.model.Finding;
import dev.mapper.model.Finding.Severity;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.model.MappingFile;
import dev.mapper.model.Technique;
import dev.mapper.model.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<List<Object>, Mapping> first = new HashMap<>();
        for (Mapping m : checked.file().mappings()) {
            // The values of every content field: a hash key for Mapping.sameContent, so the check stays linear.
            List<Object> content = Arrays.stream(MappingField.values()).map(field -> field.value(m)).toList();
            Mapping original = first.putIfAbsent(content, m);
            if (original != null) {
                out.add(Severity.WARNING, "duplicate-mapping", m.line(), m.column(),
                        "exact duplicate of the mapping at line " + original.line());
            }
        }
    }

    /** Checks every mapping's technique against the ATT&CK data and returns everything found, in file order. */
    public ValidationReport check(AttackCatalog attack) {
        Set<String> uncheckedDomains = new LinkedHashSet<>();
        for (CheckedFile checked : mappingFiles) {
            Collector out = new Collector(checked.name());
            List<Mapping> mappings = checked.file().mappings();
            for (int i = 0; i < mappings.size(); i++) {
                Mapping m = mappings.get(i);
                if (m.attackObjectId() != null) {
                    checkTechnique(checked, i, m, attack, out, uncheckedDomains);
                }
            }
            findings.get(checked.name()).addAll(out.findings);
        }
        for (String domain : uncheckedDomains) {
            notes.add("no complete ATT&CK " + domain + " data loaded, so attack_object_id was checked for syntax "
                    + "only (add the STIX bundle, e.g. --data " + domain + "-attack.json)");
        }
        List<Finding> all = new ArrayList<>();
        for (List<Finding> inFile : findings.values()) {
            inFile.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
            all.addAll(inFile);
        }
        return new ValidationReport(List.copyOf(findings.keySet()), all);
    }

    private static void checkTechnique(CheckedFile checked, int index, Mapping m, AttackCatalog attack, Collector out,
                                       Set<String> uncheckedDomains) {
        String id = m.attackObjectId();
        int line = checked.line(index, "attack_object_id");
        int column = checked.column(index, "attack_object_id");
        if (!Technique.isWellFormedId(id)) {
            out.add(Severity.ERROR, "attack-id-syntax", line, column, "attack_object_id \"" + id
                    + "\" is not an ATT&CK technique ID (T and 4 digits, optionally . and 3 digits: T1078, T1078.004)");
            return;
        }
        Technique technique = attack.technique(id).orElse(null);
        String domain = m.set().domain();
        if (technique == null) {
            if (attack.covers(domain)) {
                out.add(Severity.ERROR, "unknown-technique", line, column,
                        id + " is not a technique of the loaded ATT&CK " + domain + " data");
            } else if (domain != null) {
                uncheckedDomains.add(domain);
            }
            return;
        }
        String release = "ATT&CK " + technique.attackVersion();
        if (technique.revoked()) {
            out.add(Severity.WARNING, "revoked-technique", line, column, id + " is revoked in " + release
                    + (technique.revokedBy() == null ? "" : "; use " + named(attack, technique.revokedBy())));
        } else if (technique.deprecated()) {
            out.add(Severity.WARNING, "deprecated-technique", line, column,
                    named(attack, id) + " is deprecated in " + release + ", with no replacement");
        } else if (m.attackObjectName() != null && !sameName(m.attackObjectName(), technique, attack)) {
            out.add(Severity.WARNING, "technique-name", checked.line(index, "attack_object_name"),
                    checked.column(index, "attack_object_name"), "attack_object_name \"" + m.attackObjectName()
                            + "\" differs from " + id + "'s name in " + release + ": \"" + technique.name() + "\"");
        }
    }

    /** The name, or the "Parent: Sub-technique" form ATT&CK's own pages and many mapping files use. */
    private static boolean sameName(String name, Technique technique, AttackCatalog attack) {
        if (name.equals(technique.name())) {
            return true;
        }
        String parent = technique.parentId() == null ? null
                : attack.technique(technique.parentId()).map(Technique::name).orElse(null);
        return parent != null && name.equals(parent + ": " + technique.name());
    }

    private static String named(AttackCatalog attack, String id) {
        return attack.technique(id).map(t -> id + " (" + t.name() + ")").orElse(id);
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
}
