package io.newsline.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LruMapTest {
    @Test
    void theLeastRecentlyUsedEntryGoesWhenOneMoreIsPut() {
        Map<String, Integer> map = new LruMap<>(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a"); // used: "b" is now the least recently used
        map.put("c", 3);
        assertThat(map).containsOnlyKeys("a", "c");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LruMap<String, Integer>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
