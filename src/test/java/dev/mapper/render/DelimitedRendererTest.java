package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimitedRendererTest {

    @Test
    void formulaCellsAreDefused() {
        assertThat(DelimitedRenderer.defused("=1+1")).isEqualTo("'=1+1");
        assertThat(DelimitedRenderer.defused("\t=1")).isEqualTo("'\t=1");
        assertThat(DelimitedRenderer.defused("AC-2")).isEqualTo("AC-2");
        assertThat(DelimitedRenderer.defused("")).isEmpty();
    }
}
