package dev.mapper.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryReport;
import dev.mapper.model.AttackObject;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Campaign;
import dev.mapper.model.DefenseReport;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Software;
import dev.mapper.model.TechniqueUse;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.CrosswalkReport;
import dev.mapper.model.DataHomeReport;
import dev.mapper.model.Finding;
import dev.mapper.model.DiffReport;
import dev.mapper.model.ExternalReference;
import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.GapReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.Report;
import dev.mapper.model.ReportList;
import dev.mapper.model.SearchHit;
import dev.mapper.model.SearchReport;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Tactic;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueList;
import dev.mapper.model.TechniqueReport;
import dev.mapper.model.ValidationReport;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The documented JSON shape (docs/json.md) of every result, as a Jackson tree that every machine format
 * (json, and the formats built on its items) writes. Field names are the official snake_case ones.
 */
final class JsonShapes implements Report.Visitor<ObjectNode> {

    /** Bumped when a field is renamed or removed; adding fields does not change it. */
    static final int SCHEMA_VERSION = 1;

    /** The field of a list's document that holds its answers. */
    static final String ANSWERS = "reports";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonShapes INSTANCE = new JsonShapes(null);

    /**
     * The mapping nodes of a list of answers, by mapping: a sub-technique's mappings are in its parent's answer and
     * again in its own (show of many IDs), and are built once. Null outside a list; only arrays of mappings share
     * their nodes, and nothing changes a node of a list's document after it is made.
     */
    private final Map<Mapping, ObjectNode> sharedMappings;

    private JsonShapes(Map<Mapping, ObjectNode> sharedMappings) {
        this.sharedMappings = sharedMappings;
    }

    /** The whole document for a result: {@code schema_version}, then the result's fields. */
    static ObjectNode document(Report report) {
        return report.accept(INSTANCE);
    }

    private static ObjectNode start() {
        ObjectNode doc = NODES.objectNode();
        doc.put("schema_version", SCHEMA_VERSION);
        return doc;
    }

    @Override
    public ObjectNode technique(TechniqueReport report) {
        ObjectNode doc = start();
        ObjectNode technique = technique(report.technique(), report.tactics(), report.subtechniques());
        ArrayNode replaces = technique.putArray("replaces");
        report.replaced().forEach(old -> replaces.addObject().put("id", old.id()).put("name", old.name()));
        doc.set("technique", technique);
        ArrayNode summary = doc.putArray("summary");
        for (TechniqueReport.FrameworkSummary row : report.frameworkSummaries()) {
            ObjectNode node = summary.addObject().put("mapping_framework", row.framework())
                    .put("mapping_count", row.mappingCount())
                    .put("strongest_score", row.strongestScore() == null ? null : row.strongestScore().toString());
            strings(node.putArray("score_categories"), row.scoreCategories());
            strings(node.putArray("mapping_types"), row.mappingTypes().stream().map(MappingType::key).toList());
        }
        doc.set("mappings", mappings(report.mappings()));
        return doc;
    }

    /** Each answer as the document it has alone, without its own schema_version. */
    @Override
    public ObjectNode reports(ReportList report) {
        ObjectNode doc = listWithoutAnswers(report);
        ArrayNode reports = (ArrayNode) doc.get(ANSWERS);
        Function<Report, ObjectNode> answers = answers();
        for (Report answer : report.reports()) {
            reports.add(answers.apply(answer));
        }
        return doc;
    }

    /** A list's document with its answers' array empty: JSON writes the answers into it as it renders them. */
    static ObjectNode listWithoutAnswers(ReportList report) {
        ObjectNode doc = start();
        strings(doc.putArray("not_found"), report.notFound());
        doc.putArray(ANSWERS);
        return doc;
    }

    /**
     * The answers of a list, each as the document it has alone without its schema_version. Answers made by one
     * function share their mapping nodes ({@link #sharedMappings}), so a function is for one thread.
     */
    static Function<Report, ObjectNode> answers() {
        JsonShapes shapes = new JsonShapes(new IdentityHashMap<>());
        return answer -> {
            ObjectNode doc = answer.accept(shapes);
            doc.remove("schema_version");
            return doc;
        };
    }

    @Override
    public ObjectNode selection(SelectionReport report) {
        ObjectNode doc = start();
        ArrayNode sets = doc.putArray("mapping_sets");
        report.sets().forEach(set -> sets.add(set.key().toString()));
        doc.set("mappings", mappings(report.mappings()));
        return doc;
    }

    @Override
    public ObjectNode validation(ValidationReport report) {
        ObjectNode doc = start();
        doc.put("files", report.files().size());
        doc.put("errors", report.errors());
        doc.put("warnings", report.warnings());
        ArrayNode findings = doc.putArray("findings");
        for (Finding f : report.findings()) {
            findings.addObject().put("file", f.file()).put("line", f.line()).put("column", f.column())
                    .put("severity", f.severity().label()).put("rule", f.rule()).put("message", f.message());
        }
        return doc;
    }

    @Override
    public ObjectNode coverage(CoverageReport report) {
        ObjectNode doc = start();
        selection(doc, report.selection());
        doc.put("scope", report.scope());
        if (report.adversaries() != null) {
            ArrayNode adversaries = doc.putArray("adversaries");
            report.adversaries().adversaries().forEach(a -> adversaries.addObject().put("id", a.id())
                    .put("name", a.name()).put("kind", a.kind().label()));
            doc.put("include_software", report.adversaries().viaSoftware());
        }
        doc.put("subtechniques", report.counting().subtechniques());
        doc.put("rollup", report.counting().rollup());
        doc.put("mapping_only", report.counting().mappingOnly());
        doc.set("attack", releases(report.releases()));
        ArrayNode sets = doc.putArray("mapping_sets");
        report.sets().forEach(set -> sets.add(set.key().toString()));
        doc.put("covered", report.covered());
        total(doc, report.hasTotals(), report.total(), report.percent());
        ArrayNode domains = doc.putArray("domains");
        ArrayNode byTactic = NODES.arrayNode();
        ArrayNode uncovered = NODES.arrayNode();
        for (CoverageReport.DomainCoverage domain : report.domains()) {
            ObjectNode node = domains.addObject();
            node.put("domain", domain.domain());
            node.put("name", domain.displayName());
            node.put("attack_version", domain.release() == null ? null : domain.release().version());
            node.put("attack_source", domain.release() == null ? null : domain.release().source().label());
            strings(node.putArray("target_attack_versions"), domain.targetVersions());
            node.put("note", domain.releaseNote());
            ArrayNode domainSets = node.putArray("mapping_sets");
            domain.sets().forEach(set -> domainSets.add(set.key().toString()));
            node.put("covered", domain.covered());
            total(node, report.hasTotals(), domain.total(), domain.percent());
            node.putObject("left_out").put("revoked", domain.leftOut().revoked())
                    .put("deprecated", domain.leftOut().deprecated())
                    .put("subtechniques", domain.leftOut().subtechniques())
                    .put("filtered", domain.leftOut().filtered());
            ObjectNode strength = node.putObject("strength");
            domain.strength().forEach((score, n) -> strength.put(score == null ? "unscored" : score.toString(), n));
            domain.byTactic().forEach(row -> byTactic.add(tacticCoverage(row)));
            uncovered.addAll(techniqueList(domain.uncovered()));
        }
        doc.set("by_tactic", byTactic);
        doc.set("uncovered", uncovered);
        if (report.scope() != null) {
            doc.set("techniques", techniqueCoverage(report));
        }
        doc.set("missing_required", techniqueList(report.missingRequired()));
        return doc;
    }

    /**
     * A listed scope's techniques, every one: whether covered, the IDs whose mappings cover it and those mappings
     * (as {@link #cover}), and for an adversary scope which adversaries use it.
     */
    private static ArrayNode techniqueCoverage(CoverageReport report) {
        Map<String, List<String>> usedBy = new HashMap<>();
        if (report.adversaries() != null) {
            report.adversaries().techniques().forEach(u -> usedBy.put(u.technique().id(), u.usedBy()));
        }
        ArrayNode array = NODES.arrayNode();
        for (CoverageReport.DomainCoverage domain : report.domains()) {
            for (CoverageReport.TechniqueCoverage t : domain.techniques()) {
                ObjectNode node = array.addObject().put("id", t.technique().id()).put("name", t.technique().name())
                        .put("domain", domain.domain());
                strings(node.putArray("tactics"), t.technique().tactics());
                node.put("covered", t.covered()).put("strongest",
                        t.strongest() == null ? null : t.strongest().toString());
                if (report.adversaries() != null) {
                    strings(node.putArray("used_by"), usedBy.getOrDefault(t.technique().id(), List.of()));
                }
                strings(node.putArray("mapped_ids"), t.mappedIds());
                ArrayNode coveredBy = node.putArray("covered_by");
                t.mappings().forEach(m -> coveredBy.add(cover(m)));
            }
        }
        return array;
    }

    @Override
    public ObjectNode adversary(AdversaryReport report) {
        ObjectNode doc = start();
        doc.set(key(report.adversary()), attackObject(report.adversary()));
        doc.put("include_software", report.viaSoftware());
        doc.set("software_used", idsAndNames(report.software()));
        doc.set("campaigns", idsAndNames(report.campaigns()));
        doc.set("groups", idsAndNames(report.groups()));
        ArrayNode sets = doc.putArray("mapping_sets");
        report.sets().forEach(set -> sets.add(set.key().toString()));
        ArrayNode frameworks = doc.putArray("frameworks");
        for (AdversaryReport.FrameworkCoverage row : report.frameworkCoverage()) {
            frameworks.addObject().put("mapping_framework", row.framework()).put("covered", row.covered())
                    .put("total", row.total()).put("percent", rounded(row.percent()));
        }
        ArrayNode techniques = doc.putArray("techniques");
        for (TechniqueUse use : report.techniques()) {
            ObjectNode node = techniqueUse(use);
            ArrayNode coveredBy = node.putArray("covered_by");
            report.mappingsOf(use.technique().id()).forEach(m -> coveredBy.add(cover(m)));
            techniques.add(node);
        }
        return doc;
    }

    @Override
    public ObjectNode defense(DefenseReport report) {
        ObjectNode doc = start();
        ObjectNode defense = attackObject(report.defense());
        if (report.defense() instanceof DetectionStrategy strategy) {
            ArrayNode analytics = defense.putArray("analytics");
            for (DetectionStrategy.Analytic a : strategy.analytics()) {
                ObjectNode node = analytics.addObject().put("id", a.id()).put("name", a.name())
                        .put("description", a.description());
                strings(node.putArray("platforms"), a.platforms());
                ArrayNode logs = node.putArray("log_sources");
                a.logSources().forEach(log -> logs.addObject().put("data_component", log.dataComponent())
                        .put("name", log.name()).put("channel", log.channel()));
            }
        }
        doc.set(key(report.defense()), defense);
        doc.set("techniques", techniqueList(report.techniques()));
        return doc;
    }

    @Override
    public ObjectNode crosswalk(CrosswalkReport report) {
        ObjectNode doc = start();
        doc.set("capability", capability(report.capability()));
        doc.put("to", report.toFramework());
        doc.put("derived", CROSSWALK_NOTE);
        ArrayNode techniques = doc.putArray("techniques");
        report.techniques().forEach(t -> techniques.addObject().put("id", t.id()).put("name", t.name()));
        ArrayNode sets = doc.putArray("mapping_sets");
        report.sets().forEach(set -> sets.add(set.key().toString()));
        doc.put("total", report.total());
        ArrayNode items = doc.putArray("items");
        for (CrosswalkReport.Row row : report.rows()) {
            ObjectNode item = capability(row.capability());
            item.put("shared", row.shared().size()).put("technique_count", row.techniqueCount())
                    .put("jaccard", Math.round(report.jaccard(row) * 10000) / 10000.0);
            strings(item.putArray("shared_techniques"), row.shared().stream().map(Technique::id).toList());
            items.add(item);
        }
        return doc;
    }

    @Override
    public ObjectNode gap(GapReport report) {
        ObjectNode doc = start();
        doc.put("all_groups", report.allGroups());
        doc.put("include_software", report.viaSoftware());
        ArrayNode adversaries = doc.putArray("adversaries");
        report.adversaries().forEach(a -> adversaries.addObject().put("id", a.id()).put("name", a.name())
                .put("kind", a.kind().label()));
        ArrayNode have = doc.putArray("have");
        report.have().forEach(c -> have.addObject().put("capability_id", c.id()).put("mapping_framework", c.framework()));
        ArrayNode sets = doc.putArray("mapping_sets");
        report.sets().forEach(set -> sets.add(set.key().toString()));
        doc.put("techniques_used", report.techniquesUsed());
        doc.put("covered", report.techniquesUsed() - report.uncovered().size());
        doc.put("uncovered", report.uncovered().size());
        doc.put("closable_only", report.closableOnly());
        ArrayNode gap = doc.putArray("gap");
        for (GapReport.GapTechnique g : report.shown()) {
            ObjectNode node = gap.addObject().put("id", g.technique().id()).put("name", g.technique().name());
            strings(node.putArray("tactics"), g.technique().tactics());
            node.put("users", g.usedBy().size()).put("closable_by", g.closableBy());
            strings(node.putArray("used_by"), g.usedBy());
        }
        ArrayNode recommendations = doc.putArray("recommendations");
        int rank = 0;
        for (GapReport.Recommendation r : report.recommendations()) {
            ObjectNode node = capability(r.capability());
            node.put("rank", ++rank).put("value", r.value()).put("closes_count", r.closes().size())
                    .put("closes_shown", report.closesShown(r));
            ArrayNode closes = node.putArray("closes");
            r.closes().forEach(c -> closes.addObject().put("id", c.technique().id()).put("name", c.technique().name())
                    .put("score_value", c.score() == null ? null : c.score().toString()).put("users", c.users()));
            recommendations.add(node);
        }
        return doc;
    }

    /** What a crosswalk is, said with every one. */
    static final String CROSSWALK_NOTE = "derived through ATT&CK: capabilities that map to the same techniques; "
            + "not an official crosswalk";

    /** The document's field for the object: its kind, snake_case ({@code group}, {@code detection_strategy}). */
    private static String key(AttackObject o) {
        return o.kind().label().replace(' ', '_');
    }

    /** What every ATT&CK object has, then what its kind adds (aliases, platforms, dates, description). */
    private static ObjectNode attackObject(AttackObject o) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", o.kind().label());
        node.put("id", o.id());
        node.put("name", o.name());
        node.put("stix_id", o.stixId());
        node.put("url", o.url());
        if (o instanceof Software software) {
            node.put("type", software.type());
        }
        strings(node.putArray("aliases"), o.aliases());
        strings(node.putArray("domains"), o.domains());
        if (o instanceof Software software) {
            strings(node.putArray("platforms"), software.platforms());
        }
        if (o instanceof Campaign campaign) {
            node.put("first_seen", campaign.firstSeen()).put("last_seen", campaign.lastSeen());
        }
        node.put("revoked", o.revoked());
        node.put("revoked_by", o.revokedBy());
        node.put("deprecated", o.deprecated());
        if (o instanceof Adversary adversary) {
            node.put("description", adversary.description());
        } else if (o instanceof Mitigation mitigation) {
            node.put("description", mitigation.description());
        }
        return node;
    }

    private static ArrayNode idsAndNames(List<? extends AttackObject> objects) {
        ArrayNode array = NODES.arrayNode(objects.size());
        objects.forEach(o -> array.addObject().put("id", o.id()).put("name", o.name()));
        return array;
    }

    /**
     * A technique an adversary uses: the technique's facts, whether it counts in coverage, the revoked IDs it
     * replaces, and the procedures.
     */
    static ObjectNode techniqueUse(TechniqueUse use) {
        Technique t = use.technique();
        ObjectNode node = NODES.objectNode().put("id", t.id()).put("name", t.name());
        strings(node.putArray("tactics"), t.tactics());
        node.put("is_subtechnique", t.subtechnique()).put("parent_id", t.parentId()).put("revoked", t.revoked())
                .put("revoked_by", t.revokedBy()).put("deprecated", t.deprecated()).put("counted", use.counted());
        strings(node.putArray("replaces"), use.replaced());
        ArrayNode procedures = node.putArray("procedures");
        use.procedures().forEach(p -> procedures.addObject().put("id", p.by().id()).put("name", p.by().name())
                .put("kind", p.by().kind().label()).put("description", p.description()));
        return node;
    }

    /** A mapping as a technique's cover: which capability, how, how strongly, from which set. */
    static ObjectNode cover(Mapping m) {
        return NODES.objectNode()
                .put("mapping_framework", m.set().framework())
                .put("capability_id", m.capabilityId())
                .put("capability_description", m.capabilityDescription())
                .put("mapping_type", m.mappingType())
                .put("score_category", m.scoreCategory())
                .put("score_value", m.scoreValue())
                .put("mapping_set", m.set().key().toString());
    }

    /** {@code selection}: each selecting option given, with its values (matrix and coverage alike). */
    private static void selection(ObjectNode doc, Map<String, List<String>> selection) {
        ObjectNode node = doc.putObject("selection");
        selection.forEach((option, values) -> strings(node.putArray(option), values));
    }

    @Override
    public ObjectNode matrix(MatrixReport report) {
        ObjectNode doc = start();
        AttackRelease release = report.release();
        doc.putObject("attack").put("domain", release.domain()).put("version", release.version())
                .put("sample_only", report.sampleOnly());
        strings(doc.putArray("other_domains"), report.otherDomains());
        doc.put("generated", report.caption().generated().toString());
        selection(doc, report.caption().selection());
        doc.put("scope", report.scope());
        ArrayNode sets = doc.putArray("mapping_sets");
        report.sets().forEach(set -> sets.add(set.key().toString()));
        doc.put("score", report.scoring().toString());
        doc.put("subtechniques", report.subtechniquesExpanded() ? "expanded" : "folded");
        doc.put("covered", report.covered());
        doc.put("total", report.total());
        doc.put("percent", rounded(report.percent()));
        ArrayNode legend = doc.putArray("legend");
        report.legend().forEach(shade -> legend.addObject().put("shade", shade.key()).put("label", shade.label()));
        ArrayNode tactics = doc.putArray("tactics");
        ArrayNode cells = doc.putArray("cells");
        for (MatrixReport.Column column : report.columns()) {
            Tactic tactic = column.tactic();
            tactics.add(tacticCoverage(column.coverage()));
            for (MatrixReport.Cell cell : column.cells()) {
                cells.add(cell(report, tactic, cell));
                if (report.subtechniquesExpanded()) {
                    cell.subtechniques().forEach(sub -> cells.add(cell(report, tactic, sub)));
                }
            }
        }
        ArrayNode techniques = doc.putArray("techniques");
        Map<String, Technique> described = report.techniques();
        report.mappings().keySet().stream().sorted().forEach(id -> {
            Technique t = described.get(id);
            ObjectNode node = techniques.addObject().put("id", id).put("name", t == null ? null : t.name())
                    .put("url", t == null ? null : t.url());
            node.set("mappings", mappings(report.mappings().get(id)));
        });
        ArrayNode unplaced = doc.putArray("not_in_matrix");
        for (MatrixReport.Unplaced u : report.unplaced()) {
            Technique t = u.technique();
            unplaced.addObject().put("id", t.id()).put("name", t.name()).put("in_attack_data", t.stixId() != null)
                    .put("revoked", t.revoked()).put("revoked_by", t.revokedBy()).put("deprecated", t.deprecated())
                    .put("mapping_count", u.mappingCount());
        }
        return doc;
    }

    private static ObjectNode cell(MatrixReport report, Tactic tactic, MatrixReport.Cell cell) {
        Technique t = cell.technique();
        return NODES.objectNode().put("tactic", tactic.shortname()).put("id", t.id()).put("name", t.name())
                .put("url", t.url()).put("is_subtechnique", t.subtechnique()).put("parent_id", t.parentId())
                .put("in_scope", cell.inScope()).put("shade", report.shade(cell).key())
                .put("score_value", cell.strongest() == null ? null : cell.strongest().toString())
                .put("capability_count", cell.capabilityCount()).put("mapping_count", cell.mappingCount())
                .put("subtechnique_count", cell.subtechniques().size())
                .put("subtechniques_covered", (int) cell.subtechniques().stream().filter(MatrixReport.Cell::covered)
                        .count());
    }

    /** One tactic's coverage: the tactic's fields, then {@code covered}, {@code total}, {@code percent}. */
    private static ObjectNode tacticCoverage(CoverageReport.TacticCoverage row) {
        return tactic(NODES.objectNode(), row.tactic()).put("covered", row.covered()).put("total", row.total())
                .put("percent", rounded(row.percent()));
    }

    /** {@code total} and {@code percent}, or nulls when there is no total (mapping-only counting). */
    private static void total(ObjectNode node, boolean hasTotal, int total, double percent) {
        if (hasTotal) {
            node.put("total", total).put("percent", rounded(percent));
        } else {
            node.putNull("total").putNull("percent");
        }
    }

    /** A tactic's fields wherever one is listed: {@code domain}, {@code id}, {@code shortname}, {@code name}, {@code deprecated}. */
    private static ObjectNode tactic(ObjectNode node, Tactic tactic) {
        return node.put("domain", tactic.domain()).put("id", tactic.id()).put("shortname", tactic.shortname())
                .put("name", tactic.name()).put("deprecated", tactic.deprecated());
    }

    /** A technique in a list: {@code id}, {@code name}, {@code domain}, {@code tactics} (shortnames), its status. */
    private static ObjectNode techniqueItem(Technique t) {
        ObjectNode node = NODES.objectNode().put("id", t.id()).put("name", t.name()).put("domain", t.domain());
        strings(node.putArray("tactics"), t.tactics());
        return node.put("revoked", t.revoked()).put("deprecated", t.deprecated());
    }

    private static ArrayNode techniqueList(List<Technique> techniques) {
        ArrayNode array = NODES.arrayNode(techniques.size());
        techniques.forEach(t -> array.add(techniqueItem(t)));
        return array;
    }

    /** The ATT&CK releases a result was computed against: {@code [{ "domain", "version" }]}. */
    private static ArrayNode releases(List<AttackRelease> releases) {
        ArrayNode array = NODES.arrayNode(releases.size());
        for (AttackRelease release : releases) {
            array.addObject().put("domain", release.domain()).put("version", release.version());
        }
        return array;
    }

    /** Two decimals: enough for a gate, stable across platforms. */
    private static double rounded(double percent) {
        return Math.round(percent * 100) / 100.0;
    }

    @Override
    public ObjectNode diff(DiffReport report) {
        ObjectNode doc = start();
        doc.set("old", diffSide(report.oldSet(), report.oldMappings(), report.oldDuplicates()));
        doc.set("new", diffSide(report.newSet(), report.newMappings(), report.newDuplicates()));
        doc.set("attack_data", releases(report.attackReleases()));
        ObjectNode summary = doc.putObject("summary");
        summary.put("differences", report.items().size());
        report.counts().forEach((kind, count) -> summary.put(kind.label(), count));
        summary.put("unchanged", report.unchanged());
        ObjectNode fields = summary.putObject("changed_fields");
        report.changedFields().forEach((field, count) -> fields.put(field.officialName(), count));
        summary.set("coverage_gained", techniqueNotes(report.coverageGained()));
        summary.set("coverage_lost", techniqueNotes(report.coverageLost()));
        doc.set("techniques", techniqueNotes(report.techniques()));
        ArrayNode items = doc.putArray("items");
        for (DiffReport.Item item : report.items()) {
            ObjectNode node = items.addObject();
            node.put("kind", item.kind().label());
            node.put("capability_id", item.capabilityId());
            node.put("attack_object_id", item.attackObjectId());
            node.put("score_category", item.scoreCategory());
            node.put("moved_from", item.movedFrom());
            ArrayNode fieldNames = node.putArray("fields");
            item.fields().forEach(field -> fieldNames.add(field.officialName()));
            node.put("old_copies", item.oldCopies());
            node.put("new_copies", item.newCopies());
            node.set("old", item.oldMapping() == null ? NODES.nullNode() : mapping(item.oldMapping()));
            node.set("new", item.newMapping() == null ? NODES.nullNode() : mapping(item.newMapping()));
        }
        return doc;
    }

    @Override
    public ObjectNode capability(CapabilityReport report) {
        ObjectNode doc = start();
        ObjectNode capability = capability(report.capability());
        ArrayNode knownIn = capability.putArray("known_in");
        report.knownIn().forEach(set -> knownIn.add(set.key().toString()));
        doc.set("capability", capability);
        doc.set("mappings", mappings(report.mappings()));
        return doc;
    }

    @Override
    public ObjectNode search(SearchReport report) {
        ObjectNode doc = start();
        doc.put("query", report.query());
        doc.put("total", report.total());
        ArrayNode results = doc.putArray("results");
        for (SearchHit hit : report.results()) {
            ObjectNode item = hit.mapping() != null ? mapping(hit.mapping()) : blankMapping();
            if (hit.technique() != null) {
                item.put("attack_object_id", hit.technique().id());
                item.put("attack_object_name", hit.technique().name());
            }
            if (hit.capability() != null) {
                item.setAll(capability(hit.capability()));
            }
            item.put("kind", hit.kind().label());
            strings(item.putArray("matched_in"), hit.matchedIn());
            item.put("relevance", hit.relevance());
            item.put("mapping_count", hit.mappingCount());
            results.add(item);
        }
        return doc;
    }

    private static ObjectNode diffSide(MappingSet set, int mappings, int duplicates) {
        ObjectNode node = NODES.objectNode();
        node.put("mapping_set", set.key().toString());
        node.put("mapping_framework", set.framework());
        node.put("mapping_framework_version", set.frameworkVersion());
        node.put("attack_version", set.attackVersion());
        node.put("technology_domain", set.domain());
        node.put("source", set.source().label());
        node.put("mapping_objects", mappings);
        node.put("exact_duplicates", duplicates);
        return node;
    }

    private static ArrayNode techniqueNotes(List<DiffReport.TechniqueNote> notes) {
        ArrayNode array = NODES.arrayNode(notes.size());
        for (DiffReport.TechniqueNote note : notes) {
            array.addObject().put("id", note.id()).put("old_name", note.oldName()).put("new_name", note.newName())
                    .put("renamed", note.renamed()).put("attack_version", note.attackVersion())
                    .put("revoked_by", note.revokedBy()).put("deprecated", note.deprecated());
        }
        return array;
    }

    @Override
    public ObjectNode frameworks(FrameworkList report) {
        ObjectNode doc = start();
        ArrayNode items = doc.putArray("items");
        for (FrameworkList.Row row : report.rows()) {
            MappingSet set = row.set();
            items.addObject()
                    .put("mapping_framework", set.framework())
                    .put("mapping_framework_version", set.frameworkVersion())
                    .put("attack_version", set.attackVersion())
                    .put("technology_domain", set.domain())
                    .put("mapping_set", set.key().toString())
                    .put("last_update", set.lastUpdate())
                    .put("source", set.source().label())
                    .put("mapping_count", row.mappingCount())
                    .put("default", row.isDefault());
        }
        return doc;
    }

    @Override
    public ObjectNode dataHome(DataHomeReport report) {
        ObjectNode doc = start();
        doc.put("data_home", report.dataHome());
        ArrayNode items = doc.putArray("items");
        for (DataHomeReport.Row row : report.rows()) {
            ObjectNode item = items.addObject()
                    .put("state", row.state().label())
                    .put("name", row.label())
                    .put("framework", row.framework())
                    .put("framework_version", row.frameworkVersion())
                    .put("attack_version", row.attackVersion())
                    .put("domain", row.domain())
                    .put("path", row.path())
                    .put("url", row.url());
            if (row.size() >= 0) {
                item.put("size", row.size());
            } else {
                item.putNull("size");
            }
            item.put("sha256", row.sha256())
                    .put("installed", row.installed())
                    .put("newer", row.newer());
        }
        return doc;
    }

    @Override
    public ObjectNode capabilities(CapabilityList report) {
        ObjectNode doc = start();
        ArrayNode items = doc.putArray("items");
        report.rows().forEach(row -> items.add(capability(row.capability()).put("mapping_count", row.mappingCount())));
        return doc;
    }

    @Override
    public ObjectNode techniques(TechniqueList report) {
        ObjectNode doc = start();
        ArrayNode items = doc.putArray("items");
        for (TechniqueList.Row row : report.rows()) {
            Technique t = row.technique();
            ObjectNode item = items.addObject()
                    .put("attack_object_id", t.id())
                    .put("attack_object_name", t.name())
                    .put("in_attack_data", t.stixId() != null)
                    .put("domain", t.domain());
            strings(item.putArray("tactics"), row.tactics().stream().map(Tactic::shortname).toList());
            item.put("is_subtechnique", t.subtechnique())
                    .put("revoked", t.revoked())
                    .put("deprecated", t.deprecated())
                    .put("mapping_count", row.mappingCount());
        }
        return doc;
    }

    @Override
    public ObjectNode tactics(TacticList report) {
        ObjectNode doc = start();
        ArrayNode items = doc.putArray("items");
        for (TacticList.Row row : report.rows()) {
            tactic(items.addObject(), row.tactic()).put("technique_count", row.techniqueCount())
                    .put("mapping_count", row.mappingCount());
        }
        return doc;
    }

    private static ObjectNode capability(Capability c) {
        return NODES.objectNode()
                .put("capability_id", c.id())
                .put("capability_description", c.description())
                .put("capability_group", c.group())
                .put("mapping_framework", c.framework());
    }

    static ObjectNode technique(Technique t, List<Tactic> tactics, List<Technique> subtechniques) {
        ObjectNode node = NODES.objectNode();
        node.put("id", t.id());
        node.put("name", t.name());
        node.put("in_attack_data", t.stixId() != null);
        node.put("stix_id", t.stixId());
        node.put("url", t.url());
        node.put("domain", t.domain());
        node.put("attack_version", t.attackVersion());
        ArrayNode tacticArray = node.putArray("tactics");
        tactics.forEach(tactic -> tactic(tacticArray.addObject(), tactic));
        strings(node.putArray("platforms"), t.platforms());
        node.put("is_subtechnique", t.subtechnique());
        node.put("parent_id", t.parentId());
        node.put("revoked", t.revoked());
        node.put("revoked_by", t.revokedBy());
        node.put("deprecated", t.deprecated());
        node.put("description", t.description());
        node.put("detection", t.detection());
        refs(node.putArray("mitigations"), t.mitigations());
        refs(node.putArray("detection_strategies"), t.detectionStrategies());
        ArrayNode references = node.putArray("references");
        for (ExternalReference ref : t.references()) {
            references.addObject().put("source_name", ref.sourceName()).put("url", ref.url())
                    .put("description", ref.description());
        }
        ArrayNode subs = node.putArray("subtechniques");
        for (Technique sub : subtechniques) {
            subs.addObject().put("id", sub.id()).put("name", sub.name());
        }
        return node;
    }

    /** Other ATT&CK objects as a technique names them: {@code [{ "id", "name", "url" }]}. */
    private static void refs(ArrayNode array, List<AttackRef> refs) {
        for (AttackRef ref : refs) {
            array.addObject().put("id", ref.id()).put("name", ref.name()).put("url", ref.url());
        }
    }

    private ArrayNode mappings(List<Mapping> mappings) {
        ArrayNode array = NODES.arrayNode(mappings.size());
        for (Mapping m : mappings) {
            ObjectNode node = sharedMappings == null ? null : sharedMappings.get(m);
            if (node == null) {
                node = mapping(m);
                if (sharedMappings != null) {
                    sharedMappings.put(m, node);
                }
            }
            array.add(node);
        }
        return array;
    }

    /** The fields of {@link #mapping}, all null: search hits that are not mappings keep the same shape. */
    private static ObjectNode blankMapping() {
        ObjectNode node = NODES.objectNode();
        for (String field : List.of("capability_id", "capability_description", "capability_group", "mapping_type",
                "attack_object_id", "attack_object_name", "score_category", "score_value", "related_score", "comments",
                "references", "status", "author", "author_contact", "author_organization", "mapping_framework",
                "mapping_framework_version", "attack_version", "technology_domain", "mapping_set", "source")) {
            node.putNull(field);
        }
        return node;
    }

    /** One mapping: the official mapping fields, then the fields of the set it came from. */
    static ObjectNode mapping(Mapping m) {
        MappingSet set = m.set();
        // Room for its 22 fields from the start: the default map would grow once for each mapping shown.
        ObjectNode node = new ObjectNode(NODES, new LinkedHashMap<>(32));
        node.put("capability_id", m.capabilityId());
        node.put("capability_description", m.capabilityDescription());
        node.put("capability_group", m.capabilityGroup());
        node.put("mapping_type", m.mappingType());
        node.put("attack_object_id", m.attackObjectId());
        node.put("attack_object_name", m.attackObjectName());
        node.put("score_category", m.scoreCategory());
        node.put("score_value", m.scoreValue());
        node.put("related_score", m.relatedScore());
        node.put("comments", m.comments());
        if (m.references() == null) {
            node.putNull("references");
        } else {
            strings(node.putArray("references"), m.references());
        }
        node.put("status", m.status());
        node.put("author", m.author());
        node.put("author_contact", m.authorContact());
        node.put("author_organization", m.authorOrganization());
        node.put("mapping_framework", set.framework());
        node.put("mapping_framework_version", set.frameworkVersion());
        node.put("attack_version", set.attackVersion());
        node.put("technology_domain", set.domain());
        node.put("mapping_set", set.key().toString());
        node.put("source", set.source().label());
        if (!m.extraFields().isEmpty()) {
            ObjectNode extra = node.putObject("extra_fields");
            for (Map.Entry<String, Object> field : m.extraFields().entrySet()) {
                extra.set(field.getKey(), value(field.getValue()));
            }
        }
        return node;
    }

    /**
     * A value as the readers keep unmodelled fields (maps, lists, strings, numbers, booleans, null), as a node. By
     * hand rather than ObjectMapper.valueToTree, whose mapper costs ~50 ms of a cold start (see JsonRenderer).
     */
    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String s) {
            return NODES.textNode(s);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(value(element)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set((String) key, value(element)));
            return object;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** The array of a document that jsonl writes one line per element of: for several answers, one per answer. */
    static JsonNode items(ObjectNode document) {
        for (String field : List.of(ANSWERS, "cells", "mappings", "results", "items", "findings", "gap", "uncovered",
                "techniques")) {
            if (document.has(field)) {
                return document.get(field);
            }
        }
        throw new IllegalStateException("a document without items: " + document.fieldNames());
    }

    /** The rows of a table format (csv, tsv): the items, and for several answers the items of each in turn. */
    static JsonNode rows(ObjectNode document) {
        if (!document.has(ANSWERS)) {
            return items(document);
        }
        ArrayNode rows = NODES.arrayNode();
        document.get(ANSWERS).forEach(answer -> rows.addAll((ArrayNode) items((ObjectNode) answer)));
        return rows;
    }
}
