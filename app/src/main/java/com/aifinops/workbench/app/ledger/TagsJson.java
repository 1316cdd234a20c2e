package com.aifinops.workbench.app.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;

/**
 * Tags as the ledger stores them: a JSON object with sorted keys, {@code null} for none, so equal tag maps are
 * equal strings and {@code GROUP BY tags} groups them.
 */
final class TagsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TagsJson() {
    }

    static String encode(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) return null;
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(tags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> decode(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            return MAPPER.readValue(json, new TypeReference<TreeMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags column is not a JSON object: " + json, e);
        }
    }
}
