package dev.mapper.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.index.SetSelection;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose equals and hashCode are written out (for start-up time) keep a record's contract: copies are
 * equal and hash alike, and a difference in any component, including one added later, makes them unequal.
 */
class WrittenOutEqualityTest {

    static Stream<Record> records() {
        return Stream.of(
                new MappingSet("aws", "12/12/2024", "16.1", "enterprise", "1", "date", "2024-12-12", "2025-01-01",
                        "someone", "a@b.c", "org", Map.of("protect", new MappingType("protect", "Protect", "d")),
                        Map.of("g", "Group"), Map.of("extra", 1), DataSource.file("aws.json")),
                new SetKey("aws", "12/12/2024", "16.1", "enterprise"),
                new Capability("aws", "aws_iam", "IAM", "identity"),
                new SetSelection(false, "rev5", "16.1"));
    }

    @ParameterizedTest
    @MethodSource("records")
    void copiesAreEqualAndHashAlike(Record record) throws Exception {
        Record copy = copyWith(record, -1);

        assertThat(copy).isNotSameAs(record).isEqualTo(record);
        assertThat(copy.hashCode()).isEqualTo(record.hashCode());
        assertThat(record).isNotEqualTo(null).isNotEqualTo("a string");
    }

    @ParameterizedTest
    @MethodSource("records")
    void aDifferenceInAnyComponentMakesThemUnequal(Record record) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            assertThat(copyWith(record, i)).as("differing in %s", components[i].getName()).isNotEqualTo(record);
        }
    }

    /** A copy of the record with component {@code changed} (none when -1) set to another value of its type. */
    private static Record copyWith(Record record, int changed) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = components[i].getAccessor().invoke(record);
            values[i] = i == changed ? other(value) : value;
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return (Record) canonical.newInstance(values);
    }

    private static Object other(Object value) {
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof String s) {
            return s + " (changed)";
        }
        if (value instanceof Map<?, ?>) {
            return Map.of("changed", "value");
        }
        if (value instanceof DataSource source) {
            return DataSource.file(source.location() + ".changed");
        }
        throw new IllegalArgumentException("no other value for " + value.getClass() + ": extend other()");
    }
}
