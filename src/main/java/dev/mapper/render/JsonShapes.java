package dev.mapper.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The documented JSON shape (docs/json.md) of every result, written through a Jackson generator so that
 * the JSON and YAML renderers share it. Field names are the official snake_case ones.
 */
final class JsonShapes {

    /** Bumped when a field is renamed or removed; adding fields does not change it. */
    static final int SCHEMA_VERSION = 1;

    private JsonShapes() {
    }

    static void techniqueReport(JsonGenerator gen, TechniqueReport report) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("schema_version", SCHEMA_VERSION);
        gen.writeFieldName("technique");
        technique(gen, report.technique(), report.tactics(), report.subtechniques());
        gen.writeArrayFieldStart("mappings");
        for (Mapping m : report.mappings()) {
            mapping(gen, m);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    static void technique(JsonGenerator gen, Technique t, List<Tactic> tactics, List<Technique> subtechniques)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", t.id());
        gen.writeStringField("name", t.name());
        gen.writeBooleanField("in_attack_data", t.stixId() != null);
        gen.writeStringField("stix_id", t.stixId());
        gen.writeStringField("url", t.url());
        gen.writeStringField("domain", t.domain());
        gen.writeStringField("attack_version", t.attackVersion());
        gen.writeArrayFieldStart("tactics");
        for (Tactic tactic : tactics) {
            gen.writeStartObject();
            gen.writeStringField("id", tactic.id());
            gen.writeStringField("shortname", tactic.shortname());
            gen.writeStringField("name", tactic.name());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        stringArray(gen, "platforms", t.platforms());
        gen.writeBooleanField("is_subtechnique", t.subtechnique());
        gen.writeStringField("parent_id", t.parentId());
        gen.writeBooleanField("revoked", t.revoked());
        gen.writeStringField("revoked_by", t.revokedBy());
        gen.writeBooleanField("deprecated", t.deprecated());
        gen.writeStringField("description", t.description());
        gen.writeStringField("detection", t.detection());
        gen.writeArrayFieldStart("mitigations");
        for (Mitigation m : t.mitigations()) {
            gen.writeStartObject();
            gen.writeStringField("id", m.id());
            gen.writeStringField("name", m.name());
            gen.writeStringField("url", m.url());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("subtechniques");
        for (Technique sub : subtechniques) {
            gen.writeStartObject();
            gen.writeStringField("id", sub.id());
            gen.writeStringField("name", sub.name());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** One mapping: the official mapping fields, then the fields of the set it came from. */
    static void mapping(JsonGenerator gen, Mapping m) throws IOException {
        MappingSet set = m.set();
        gen.writeStartObject();
        gen.writeStringField("capability_id", m.capabilityId());
        gen.writeStringField("capability_description", m.capabilityDescription());
        gen.writeStringField("capability_group", m.capabilityGroup());
        gen.writeStringField("mapping_type", m.mappingType());
        gen.writeStringField("attack_object_id", m.attackObjectId());
        gen.writeStringField("attack_object_name", m.attackObjectName());
        gen.writeStringField("score_category", m.scoreCategory());
        gen.writeStringField("score_value", m.scoreValue());
        gen.writeStringField("related_score", m.relatedScore());
        gen.writeStringField("comments", m.comments());
        if (m.references() == null) {
            gen.writeNullField("references");
        } else {
            stringArray(gen, "references", m.references());
        }
        gen.writeStringField("status", m.status());
        gen.writeStringField("author", m.author());
        gen.writeStringField("author_contact", m.authorContact());
        gen.writeStringField("author_organization", m.authorOrganization());
        gen.writeStringField("mapping_framework", set.framework());
        gen.writeStringField("mapping_framework_version", set.frameworkVersion());
        gen.writeStringField("attack_version", set.attackVersion());
        gen.writeStringField("technology_domain", set.domain());
        gen.writeStringField("mapping_set", set.key().toString());
        gen.writeStringField("source", set.source().label());
        if (!m.extraFields().isEmpty()) {
            gen.writeFieldName("extra_fields");
            gen.writeStartObject();
            for (Map.Entry<String, Object> field : m.extraFields().entrySet()) {
                gen.writeFieldName(field.getKey());
                gen.writeObject(field.getValue());
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void stringArray(JsonGenerator gen, String name, List<String> values) throws IOException {
        gen.writeArrayFieldStart(name);
        for (String v : values) {
            gen.writeString(v);
        }
        gen.writeEndArray();
    }
}
