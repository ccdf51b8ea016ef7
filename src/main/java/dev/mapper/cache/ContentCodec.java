package dev.mapper.cache;

import dev.mapper.model.AttackObjects;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Campaign;
import dev.mapper.model.DataSource;
import dev.mapper.model.Deferred;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.ExternalReference;
import dev.mapper.model.FileContent;
import dev.mapper.model.Group;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Relationship;
import dev.mapper.model.Software;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of what the loader read from one file, for {@link ContentCache}: private to mapper,
 * derived from the official files and rebuilt from them whenever in doubt, never an input of its own.
 *
 * <p>A table of the file's distinct strings (UTF-8; the corpus's 62,498 mapping objects hold about 510,000 values
 * but only 7,789 distinct strings) comes first, then the records, whose strings are varint references into it
 * (0 for null). A release's other objects (groups, software, campaigns, mitigations, detection strategies and their
 * relationships: most of its text) follow as a section of their own, with a table of its own, decoded only when a
 * question asks for them. The data source is not stored: decoding is given the one of this run. Decoding builds records
 * equal to the reader's, down to the Java types of unmodelled JSON values, and touches no Jackson class.
 */
final class ContentCodec {

    /** Raise it whenever what is written changes: entries of another version are not read. */
    static final int VERSION = 6;

    private static final int RELEASE = 1;
    private static final int MAPPING_FILE = 2;
    private static final int NOT_DATA = 3;
    private static final int ATTACK_OBJECTS = 4;

    // Tags of unmodelled JSON values, as Json.readValue gives them.
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int BIG_INTEGER = 6;
    private static final int DOUBLE = 7;
    private static final int OBJECT = 10;
    private static final int ARRAY = 11;

    /** Deeper than any value the JSON reader lets through (it stops at 64 levels). */
    private static final int MAX_DEPTH = 100;

    private ContentCodec() {
    }

    /**
     * The bytes of the content. A file that is not data mapper reads is kept with its reason: what reading it says
     * every time (a JSON Schema file beside the data, say, which would otherwise be parsed at every run to be told
     * apart).
     *
     * @throws UnsupportedValueException when an unmodelled value is of a type this format does not keep exactly
     */
    static byte[] encode(FileContent content) {
        Encoder encoder = new Encoder();
        if (content.release() != null) {
            encoder.release(content.release());
        } else if (content.mappings() != null) {
            encoder.mappingFile(content.mappings());
        } else {
            encoder.notData(content.notData());
        }
        return encoder.bytes();
    }

    /**
     * The content the bytes hold, as if read now from {@code source}.
     *
     * @throws CorruptException (or another runtime exception) when the bytes are not what {@link #encode} wrote
     */
    static FileContent decode(byte[] bytes, int offset, int length, DataSource source) {
        return new Decoder(bytes, offset, length).content(source);
    }

    /** A value of a type the format does not keep (not one that JSON reading gives): the file is not cached. */
    static final class UnsupportedValueException extends RuntimeException {
        UnsupportedValueException(String message) {
            super(message);
        }
    }

    /** Bytes that cannot be what {@link #encode} wrote. */
    static final class CorruptException extends RuntimeException {
        CorruptException(String message) {
            super(message);
        }
    }

    /** Writes the records into a body, collecting their strings; then the table and the body. */
    private static final class Encoder {
        private final Map<String, Integer> refs = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final Bytes body = new Bytes(1 << 16);
        private int kind;

        void release(AttackRelease release) {
            kind = RELEASE;
            string(release.domain());
            string(release.version());
            body.varint(release.techniques().size());
            for (Technique t : release.techniques()) {
                string(t.id());
                string(t.stixId());
                string(t.name());
                string(t.description());
                string(t.url());
                string(t.domain());
                string(t.attackVersion());
                strings(t.tactics());
                strings(t.platforms());
                string(t.detection());
                body.write((t.subtechnique() ? 1 : 0) | (t.revoked() ? 2 : 0) | (t.deprecated() ? 4 : 0));
                string(t.parentId());
                string(t.revokedBy());
                refs(t.mitigations());
                refs(t.detectionStrategies());
                body.varint(t.references().size());
                for (ExternalReference ref : t.references()) {
                    string(ref.sourceName());
                    string(ref.url());
                    string(ref.description());
                }
            }
            body.varint(release.tactics().size());
            for (Tactic t : release.tactics()) {
                string(t.id());
                string(t.shortname());
                string(t.name());
                string(t.description());
                string(t.domain());
                body.signed(t.order());
                body.write(t.deprecated() ? 1 : 0);
            }
            Encoder section = new Encoder();
            section.objects(release.objects().get());
            byte[] objects = section.bytes();
            body.varint(objects.length);
            body.write(objects, 0, objects.length);
        }

        private void refs(List<AttackRef> refs) {
            body.varint(refs.size());
            for (AttackRef ref : refs) {
                string(ref.id());
                string(ref.name());
                string(ref.url());
            }
        }

        void objects(AttackObjects objects) {
            kind = ATTACK_OBJECTS;
            body.varint(objects.groups().size());
            for (Group g : objects.groups()) {
                common(g.id(), g.stixId(), g.name(), g.url(), g.domains(), g.revoked(), g.revokedBy(), g.deprecated());
                string(g.description());
                strings(g.aliases());
            }
            body.varint(objects.software().size());
            for (Software s : objects.software()) {
                common(s.id(), s.stixId(), s.name(), s.url(), s.domains(), s.revoked(), s.revokedBy(), s.deprecated());
                string(s.description());
                strings(s.aliases());
                string(s.type());
                strings(s.platforms());
            }
            body.varint(objects.campaigns().size());
            for (Campaign c : objects.campaigns()) {
                common(c.id(), c.stixId(), c.name(), c.url(), c.domains(), c.revoked(), c.revokedBy(), c.deprecated());
                string(c.description());
                strings(c.aliases());
                string(c.firstSeen());
                string(c.lastSeen());
            }
            body.varint(objects.mitigations().size());
            for (Mitigation m : objects.mitigations()) {
                common(m.id(), m.stixId(), m.name(), m.url(), m.domains(), m.revoked(), m.revokedBy(), m.deprecated());
                string(m.description());
            }
            body.varint(objects.detectionStrategies().size());
            for (DetectionStrategy d : objects.detectionStrategies()) {
                common(d.id(), d.stixId(), d.name(), d.url(), d.domains(), d.revoked(), d.revokedBy(), d.deprecated());
                body.varint(d.analytics().size());
                for (DetectionStrategy.Analytic a : d.analytics()) {
                    string(a.id());
                    string(a.name());
                    string(a.description());
                    strings(a.platforms());
                    body.varint(a.logSources().size());
                    for (DetectionStrategy.LogSource log : a.logSources()) {
                        string(log.dataComponent());
                        string(log.name());
                        string(log.channel());
                    }
                }
            }
            body.varint(objects.relationships().size());
            for (Relationship r : objects.relationships()) {
                string(r.type());
                string(r.sourceRef());
                string(r.targetRef());
                string(r.description());
            }
        }

        /** What every ATT&CK object has. */
        private void common(String id, String stixId, String name, String url, List<String> domains, boolean revoked,
                            String revokedBy, boolean deprecated) {
            string(id);
            string(stixId);
            string(name);
            string(url);
            strings(domains);
            body.write((revoked ? 1 : 0) | (deprecated ? 2 : 0));
            string(revokedBy);
        }

        void notData(FileContent.NotData notData) {
            kind = NOT_DATA;
            string(notData.problem());
            body.signed(notData.line());
            body.signed(notData.column());
            body.write(notData.jsonSchema() ? 1 : 0);
        }

        void mappingFile(MappingFile file) {
            kind = MAPPING_FILE;
            MappingSet set = file.set();
            string(set.framework());
            string(set.frameworkVersion());
            string(set.attackVersion());
            string(set.domain());
            string(set.mappingVersion());
            string(set.frameworkVersionSchema());
            string(set.creationDate());
            string(set.lastUpdate());
            string(set.author());
            string(set.contact());
            string(set.organization());
            body.varint(set.mappingTypes().size());
            for (Map.Entry<String, MappingType> type : set.mappingTypes().entrySet()) {
                string(type.getKey());
                string(type.getValue().key());
                string(type.getValue().name());
                string(type.getValue().description());
            }
            body.varint(set.capabilityGroups().size());
            for (Map.Entry<String, String> group : set.capabilityGroups().entrySet()) {
                string(group.getKey());
                string(group.getValue());
            }
            fields(set.extraMetadata(), 0);
            body.varint(file.mappings().size());
            for (Mapping m : file.mappings()) {
                if (m.set() != set) {
                    throw new UnsupportedValueException("a mapping of another set");
                }
                body.signed(m.line());
                body.signed(m.column());
                string(m.capabilityId());
                string(m.capabilityDescription());
                string(m.capabilityGroup());
                string(m.mappingType());
                string(m.attackObjectId());
                string(m.attackObjectName());
                string(m.scoreCategory());
                string(m.scoreValue());
                string(m.relatedScore());
                string(m.comments());
                if (m.references() == null) {
                    body.varint(0);
                } else {
                    body.varint(m.references().size() + 1);
                    m.references().forEach(this::string);
                }
                string(m.status());
                string(m.author());
                string(m.authorContact());
                string(m.authorOrganization());
                fields(m.extraFields(), 0);
            }
        }

        private void string(String s) {
            if (s == null) {
                body.varint(0);
                return;
            }
            Integer ref = refs.get(s);
            if (ref == null) {
                strings.add(s);
                ref = strings.size();
                refs.put(s, ref);
            }
            body.varint(ref);
        }

        private void strings(List<String> list) {
            body.varint(list.size());
            list.forEach(this::string);
        }

        /** The fields of a JSON object, in order. */
        private void fields(Map<?, ?> object, int depth) {
            body.varint(object.size());
            for (Map.Entry<?, ?> field : object.entrySet()) {
                if (!(field.getKey() instanceof String name)) {
                    throw new UnsupportedValueException("a field name that is not a string");
                }
                string(name);
                value(field.getValue(), depth + 1);
            }
        }

        private void value(Object value, int depth) {
            if (depth > MAX_DEPTH) {
                throw new UnsupportedValueException("a value nested deeper than " + MAX_DEPTH);
            }
            if (value == null) {
                body.write(NULL);
            } else if (value instanceof String s) {
                body.write(STRING);
                string(s);
            } else if (value instanceof Boolean b) {
                body.write(b ? TRUE : FALSE);
            } else if (value.getClass() == Integer.class) {
                body.write(INT);
                body.signed((Integer) value);
            } else if (value.getClass() == Long.class) {
                body.write(LONG);
                body.signed((Long) value);
            } else if (value.getClass() == BigInteger.class) {
                body.write(BIG_INTEGER);
                bigInteger((BigInteger) value);
            } else if (value.getClass() == Double.class) {
                body.write(DOUBLE);
                body.signed(Double.doubleToRawLongBits((Double) value));
            } else if (value.getClass() == LinkedHashMap.class) {
                body.write(OBJECT);
                fields((Map<?, ?>) value, depth);
            } else if (value.getClass() == ArrayList.class) {
                body.write(ARRAY);
                List<?> list = (List<?>) value;
                body.varint(list.size());
                for (Object item : list) {
                    value(item, depth + 1);
                }
            } else {
                throw new UnsupportedValueException("a value of type " + value.getClass().getName());
            }
        }

        private void bigInteger(BigInteger value) {
            byte[] bytes = value.toByteArray();
            body.varint(bytes.length);
            body.write(bytes, 0, bytes.length);
        }

        byte[] bytes() {
            Bytes out = new Bytes(body.size() + 16 * strings.size() + 16);
            out.write(kind);
            out.varint(strings.size());
            for (String s : strings) {
                if (wellFormed(s)) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    out.varint(utf8.length << 1);
                    out.write(utf8, 0, utf8.length);
                } else {
                    // A lone surrogate (JSON allows "\ud800") would not survive UTF-8: kept as UTF-16 code units.
                    out.varint((s.length() << 1) | 1);
                    for (int i = 0; i < s.length(); i++) {
                        out.write(s.charAt(i) >>> 8);
                        out.write(s.charAt(i));
                    }
                }
            }
            out.write(body.array(), 0, body.size());
            return out.toArray();
        }

        /** No unpaired surrogate: UTF-8 keeps the string exactly. */
        private static boolean wellFormed(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads what {@link Encoder} wrote; every count is checked against the bytes left before it is allocated. */
    private static final class Decoder {
        private final byte[] bytes;
        private final int end;
        private int at;
        private String[] strings;

        Decoder(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.at = offset;
            this.end = offset + length;
        }

        FileContent content(DataSource source) {
            int kind = read();
            readStrings();
            FileContent content = switch (kind) {
                case RELEASE -> FileContent.of(release(source));
                case MAPPING_FILE -> FileContent.of(mappingFile(source));
                case NOT_DATA -> FileContent.notData(notData());
                default -> throw new CorruptException("unknown kind " + kind);
            };
            checkEnd();
            return content;
        }

        private FileContent.NotData notData() {
            String problem = string();
            int line = signed();
            int column = signed();
            boolean jsonSchema = read() == 1;
            if (problem == null) {
                throw new CorruptException("not data, without a reason");
            }
            return new FileContent.NotData(problem, line, column, jsonSchema);
        }

        private void checkEnd() {
            if (at != end) {
                throw new CorruptException((end - at) + " bytes left over");
            }
        }

        private void readStrings() {
            strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = tableString();
            }
        }

        private String tableString() {
            int header = varint();
            int length = header >>> 1;
            if ((header & 1) == 0) {
                need(length);
                String string = new String(bytes, at, length, StandardCharsets.UTF_8);
                at += length;
                return string;
            }
            need(2 * length);
            char[] chars = new char[length];
            for (int c = 0; c < length; c++) {
                chars[c] = (char) (((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff));
                at += 2;
            }
            return new String(chars);
        }

        private AttackRelease release(DataSource source) {
            String domain = string();
            String version = string();
            Technique[] techniques = new Technique[count()];
            for (int i = 0; i < techniques.length; i++) {
                techniques[i] = technique();
            }
            Tactic[] tactics = new Tactic[count()];
            for (int i = 0; i < tactics.length; i++) {
                tactics[i] = new Tactic(string(), string(), string(), string(), string(), signed(), read() != 0);
            }
            int length = count();
            int offset = at;
            at += length;
            // Decoded on first use from these bytes, which the entry's checksum has covered.
            Deferred<AttackObjects> objects = Deferred.of(() -> new Decoder(bytes, offset, length).objects());
            return new AttackRelease(domain, version, source, List.of(techniques), List.of(tactics), objects);
        }

        private AttackObjects objects() {
            if (read() != ATTACK_OBJECTS) {
                throw new CorruptException("not a section of ATT&CK objects");
            }
            readStrings();
            Group[] groups = new Group[count()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = group();
            }
            Software[] software = new Software[count()];
            for (int i = 0; i < software.length; i++) {
                software[i] = software();
            }
            Campaign[] campaigns = new Campaign[count()];
            for (int i = 0; i < campaigns.length; i++) {
                campaigns[i] = campaign();
            }
            Mitigation[] mitigations = new Mitigation[count()];
            for (int i = 0; i < mitigations.length; i++) {
                mitigations[i] = mitigation();
            }
            DetectionStrategy[] strategies = new DetectionStrategy[count()];
            for (int i = 0; i < strategies.length; i++) {
                strategies[i] = detectionStrategy();
            }
            Relationship[] relationships = new Relationship[count()];
            for (int i = 0; i < relationships.length; i++) {
                relationships[i] = new Relationship(string(), string(), string(), string());
            }
            checkEnd();
            return new AttackObjects(List.of(groups), List.of(software), List.of(campaigns), List.of(mitigations),
                    List.of(strategies), List.of(relationships));
        }

        /** What {@link Encoder#common} wrote, in its order. */
        private record Common(String id, String stixId, String name, String url, List<String> domains,
                              boolean revoked, String revokedBy, boolean deprecated) {
        }

        private Common common() {
            String id = string();
            String stixId = string();
            String name = string();
            String url = string();
            List<String> domains = stringList();
            int flags = read();
            return new Common(id, stixId, name, url, domains, (flags & 1) != 0, string(), (flags & 2) != 0);
        }

        private Group group() {
            Common c = common();
            return new Group(c.id(), c.stixId(), c.name(), string(), stringList(), c.url(), c.domains(), c.revoked(),
                    c.revokedBy(), c.deprecated());
        }

        private Software software() {
            Common c = common();
            String description = string();
            List<String> aliases = stringList();
            String type = string();
            return new Software(c.id(), c.stixId(), type, c.name(), description, aliases, c.url(), c.domains(),
                    stringList(), c.revoked(), c.revokedBy(), c.deprecated());
        }

        private Campaign campaign() {
            Common c = common();
            return new Campaign(c.id(), c.stixId(), c.name(), string(), stringList(), c.url(), c.domains(), string(),
                    string(), c.revoked(), c.revokedBy(), c.deprecated());
        }

        private Mitigation mitigation() {
            Common c = common();
            return new Mitigation(c.id(), c.stixId(), c.name(), string(), c.url(), c.domains(), c.revoked(),
                    c.revokedBy(), c.deprecated());
        }

        private DetectionStrategy detectionStrategy() {
            Common c = common();
            DetectionStrategy.Analytic[] analytics = new DetectionStrategy.Analytic[count()];
            for (int i = 0; i < analytics.length; i++) {
                String id = string();
                String name = string();
                String description = string();
                List<String> platforms = stringList();
                DetectionStrategy.LogSource[] logs = new DetectionStrategy.LogSource[count()];
                for (int j = 0; j < logs.length; j++) {
                    logs[j] = new DetectionStrategy.LogSource(string(), string(), string());
                }
                analytics[i] = new DetectionStrategy.Analytic(id, name, description, platforms, List.of(logs));
            }
            return new DetectionStrategy(c.id(), c.stixId(), c.name(), c.url(), c.domains(), c.revoked(),
                    c.revokedBy(), c.deprecated(), List.of(analytics));
        }

        private Technique technique() {
            String id = string();
            String stixId = string();
            String name = string();
            String description = string();
            String url = string();
            String domain = string();
            String attackVersion = string();
            List<String> tactics = stringList();
            List<String> platforms = stringList();
            String detection = string();
            int flags = read();
            String parentId = string();
            String revokedBy = string();
            List<AttackRef> mitigations = refs();
            List<AttackRef> detectionStrategies = refs();
            ExternalReference[] references = new ExternalReference[count()];
            for (int i = 0; i < references.length; i++) {
                references[i] = new ExternalReference(string(), string(), string());
            }
            return new Technique(id, stixId, name, description, url, domain, attackVersion, tactics, platforms,
                    detection, (flags & 1) != 0, parentId, (flags & 2) != 0, revokedBy, (flags & 4) != 0,
                    mitigations, detectionStrategies, List.of(references));
        }

        private List<AttackRef> refs() {
            AttackRef[] refs = new AttackRef[count()];
            for (int i = 0; i < refs.length; i++) {
                refs[i] = new AttackRef(string(), string(), string());
            }
            return List.of(refs);
        }

        private MappingFile mappingFile(DataSource source) {
            String framework = string();
            String frameworkVersion = string();
            String attackVersion = string();
            String domain = string();
            String mappingVersion = string();
            String frameworkVersionSchema = string();
            String creationDate = string();
            String lastUpdate = string();
            String author = string();
            String contact = string();
            String organization = string();
            int typeCount = count();
            Map<String, MappingType> types = new LinkedHashMap<>(capacity(typeCount));
            for (int i = 0; i < typeCount; i++) {
                types.put(string(), new MappingType(string(), string(), string()));
            }
            int groupCount = count();
            Map<String, String> groups = new LinkedHashMap<>(capacity(groupCount));
            for (int i = 0; i < groupCount; i++) {
                groups.put(string(), string());
            }
            MappingSet set = new MappingSet(framework, frameworkVersion, attackVersion, domain, mappingVersion,
                    frameworkVersionSchema, creationDate, lastUpdate, author, contact, organization,
                    Collections.unmodifiableMap(types), Collections.unmodifiableMap(groups),
                    Collections.unmodifiableMap(fields(0)), source);
            Mapping[] mappings = new Mapping[count()];
            for (int i = 0; i < mappings.length; i++) {
                mappings[i] = mapping(set);
            }
            return new MappingFile(set, Arrays.asList(mappings));
        }

        /**
         * One mapping. Loop bodies that run thousands of times are methods of their own: the JVM compiles a method
         * after a few hundred calls, a loop inside a method called once only after tens of thousands of turns.
         */
        private Mapping mapping(MappingSet set) {
            // Java evaluates arguments left to right: the fields are read in the order they were written.
            return new Mapping(set, signed(), signed(), string(), string(), string(), string(), string(),
                    string(), string(), string(), string(), string(), references(), string(), string(), string(),
                    string(), extraFields());
        }

        /** As the reader gives them: null, or an unmodifiable list of strings. */
        private List<String> references() {
            int header = count();
            if (header == 0) {
                return null;
            }
            List<String> references = new ArrayList<>(header - 1);
            for (int i = 1; i < header; i++) {
                references.add(string());
            }
            return Collections.unmodifiableList(references);
        }

        /** As the reader gives them: {@code Map.of()} for none (most mappings), else an unmodifiable map in file order. */
        private Map<String, Object> extraFields() {
            int count = count();
            return count == 0 ? Map.of() : Collections.unmodifiableMap(fields(count, 0));
        }

        private LinkedHashMap<String, Object> fields(int depth) {
            return fields(count(), depth);
        }

        private LinkedHashMap<String, Object> fields(int count, int depth) {
            LinkedHashMap<String, Object> fields = new LinkedHashMap<>(capacity(count));
            for (int i = 0; i < count; i++) {
                fields.put(string(), value(depth + 1));
            }
            return fields;
        }

        private Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new CorruptException("nested deeper than " + MAX_DEPTH);
            }
            int tag = read();
            return switch (tag) {
                case NULL -> null;
                case STRING -> string();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case INT -> signed();
                case LONG -> signedLong();
                case BIG_INTEGER -> bigInteger();
                case DOUBLE -> Double.longBitsToDouble(signedLong());
                case OBJECT -> fields(depth);
                case ARRAY -> {
                    int count = count();
                    ArrayList<Object> list = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        list.add(value(depth + 1));
                    }
                    yield list;
                }
                default -> throw new CorruptException("unknown value tag " + tag);
            };
        }

        private BigInteger bigInteger() {
            int length = count();
            need(length);
            BigInteger value = new BigInteger(bytes, at, length);
            at += length;
            return value;
        }

        private List<String> stringList() {
            String[] list = new String[count()];
            for (int i = 0; i < list.length; i++) {
                list[i] = string();
            }
            return List.of(list);
        }

        private String string() {
            int ref = varint();
            if (ref == 0) {
                return null;
            }
            if (ref > strings.length) {
                throw new CorruptException("string " + ref + " of " + strings.length);
            }
            return strings[ref - 1];
        }

        /** A count of things still to read, each at least a byte long: no corrupt count allocates much. */
        private int count() {
            int count = varint();
            if (count < 0 || count > end - at) {
                throw new CorruptException("count " + count + " with " + (end - at) + " bytes left");
            }
            return count;
        }

        private static int capacity(int entries) {
            return entries * 4 / 3 + 1;
        }

        private void need(int length) {
            if (length < 0 || length > end - at) {
                throw new CorruptException(length + " bytes wanted, " + (end - at) + " left");
            }
        }

        private int read() {
            if (at >= end) {
                throw new CorruptException("truncated");
            }
            return bytes[at++] & 0xff;
        }

        private int varint() {
            int b = read();
            if (b < 0x80) {
                return b;
            }
            int value = b & 0x7f;
            for (int shift = 7; shift < 35; shift += 7) {
                b = read();
                value |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
            throw new CorruptException("varint too long");
        }

        private long varlong() {
            long value = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int b = read();
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
            throw new CorruptException("varint too long");
        }

        private int signed() {
            int zigzag = varint();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        private long signedLong() {
            long zigzag = varlong();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }
    }

    /** A growable byte array with varints (LEB128; signed values zigzag-encoded). */
    private static final class Bytes {
        private byte[] array;
        private int size;

        Bytes(int capacity) {
            array = new byte[Math.max(capacity, 16)];
        }

        void write(int b) {
            if (size == array.length) {
                array = Arrays.copyOf(array, array.length * 2);
            }
            array[size++] = (byte) b;
        }

        void write(byte[] b, int offset, int length) {
            if (size + length > array.length) {
                array = Arrays.copyOf(array, Math.max(array.length * 2, size + length));
            }
            System.arraycopy(b, offset, array, size, length);
            size += length;
        }

        void varint(int value) {
            varlong(value & 0xffffffffL);
        }

        void varlong(long value) {
            while ((value & ~0x7fL) != 0) {
                write((int) (value & 0x7f) | 0x80);
                value >>>= 7;
            }
            write((int) value);
        }

        void signed(int value) {
            varint((value << 1) ^ (value >> 31));
        }

        void signed(long value) {
            varlong((value << 1) ^ (value >> 63));
        }

        byte[] array() {
            return array;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(array, size);
        }
    }
}
