package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void aOneLetterTypoSuggestsTheKnownWord() {
        assertThat(Suggestions.nearest("jiter", List.of("link", "delay", "jitter"))).contains("jitter");
    }

    @Test
    void swappedLettersCountAsOneEdit() {
        assertThat(Suggestions.distance("delya", "delay")).isEqualTo(1);
    }

    @Test
    void aWordFarFromEveryKnownWordSuggestsNothing() {
        assertThat(Suggestions.nearest("crash", List.of("name", "at", "for", "latency"))).isEmpty();
    }

    @Test
    void hintListsTheKnownWordsWithOrWithoutASuggestion() {
        assertThat(Suggestions.hint("jiter", List.of("link", "delay", "jitter"), "known"))
                .isEqualTo("did you mean 'jitter'? known: link, delay, jitter");
        assertThat(Suggestions.hint("zzz", List.of("link", "delay"), "known")).isEqualTo("known: link, delay");
    }
}
