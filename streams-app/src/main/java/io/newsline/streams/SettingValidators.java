package io.newsline.streams;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The validators of the app's settings, with messages that say what is allowed in words ("must be positive")
 * and a {@link Object#toString()} that the generated settings table shows as the valid values.
 */
final class SettingValidators {
    private SettingValidators() {}

    /** A whole number above zero. */
    static ConfigDef.Validator positive() {
        return new Bounded("must be positive", "> 0", value -> value > 0);
    }

    /** A whole number, zero or more. */
    static ConfigDef.Validator atLeastZero() {
        return new Bounded("must be 0 or more", ">= 0", value -> value >= 0);
    }

    /** -1 (the broker's default) or a replication factor of at least one. */
    static ConfigDef.Validator replicationFactor() {
        return new Bounded("must be -1 (the broker's default) or at least 1", "-1, or >= 1", v -> v == -1 || v >= 1);
    }

    /** A share in (0, 1]. */
    static ConfigDef.Validator fraction() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                double share = ((Number) value).doubleValue();
                if (!(share > 0.0 && share <= 1.0)) {
                    throw new ConfigException(name, value, "must be in (0, 1]");
                }
            }

            @Override
            public String toString() {
                return "(0, 1]";
            }
        };
    }

    private record Bounded(String message, String range, java.util.function.LongPredicate allowed)
            implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (!allowed.test(((Number) value).longValue())) {
                throw new ConfigException(name, value, message);
            }
        }

        @Override
        public String toString() {
            return range;
        }
    }
}
