package com.aifinops.workbench.importers.workbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON document against the subset of JSON Schema the workbook schema uses ({@code type}, {@code const},
 * {@code required}, {@code properties}, {@code items}, {@code minItems}, {@code minimum}, {@code maximum},
 * {@code pattern}, local {@code $ref}). Small enough to read, so the schema test needs no extra library.
 */
final class SchemaSubsetValidator {
    private final JsonNode root;

    SchemaSubsetValidator(JsonNode schemaRoot) {
        this.root = schemaRoot;
    }

    List<String> validate(JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(root, doc, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode v, String at, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalArgumentException("unsupported $ref " + ref);
            }
            check(root.get("$defs").get(ref.substring("#/$defs/".length())), v, at, errors);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(v)) {
            errors.add(at + ": expected " + schema.get("const") + ", got " + v);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), v)) {
            errors.add(at + ": expected type " + schema.get("type") + ", got " + v.getNodeType());
            return;
        }
        if (v.isNumber()) {
            if (schema.has("minimum") && v.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                errors.add(at + ": below minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && v.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                errors.add(at + ": above maximum " + schema.get("maximum"));
            }
        }
        if (v.isTextual() && schema.has("pattern") && !v.asText().matches(schema.get("pattern").asText())) {
            errors.add(at + ": does not match " + schema.get("pattern"));
        }
        if (v.isArray()) {
            if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                errors.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(schema.get("items"), v.get(i), at + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            if (schema.has("required")) {
                schema.get("required").forEach(r -> {
                    if (!v.has(r.asText())) {
                        errors.add(at + ": missing required \"" + r.asText() + "\"");
                    }
                });
            }
            if (schema.has("properties")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (v.has(p.getKey())) {
                        check(p.getValue(), v.get(p.getKey()), at + "." + p.getKey(), errors);
                    }
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
    }
}
