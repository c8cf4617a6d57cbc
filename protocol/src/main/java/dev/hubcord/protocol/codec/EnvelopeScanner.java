package dev.hubcord.protocol.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;

/**
 * Reads a payload's envelope with Jackson's streaming parser: {@code op}, {@code t}, the byte range
 * of {@code d}, and {@code d}'s routing fields ({@code guildID}/{@code guild_id}, {@code nonce},
 * {@code shard}, {@code s}) and the top-level {@code ps}. Nested values are skipped, never
 * materialised, so the hub can forward {@code d} byte-for-byte. Thread-safe; allocates only the parser and the result.
 */
public final class EnvelopeScanner {

    private EnvelopeScanner() {}

    /**
     * Scans one payload.
     *
     * @throws ProtocolException INVALID_JSON when the bytes are not one JSON value, INVALID_PAYLOAD
     *     when the envelope is not an object, lacks {@code op} or {@code d}, or has ill-typed fields
     */
    public static Envelope scan(byte[] json, int offset, int length) {
        try (JsonParser p = Json.factory().createParser(json, offset, length)) {
            return scan(p, json, offset);
        } catch (ProtocolException e) {
            throw e;
        } catch (StreamReadException e) {
            throw new ProtocolException(
                    ProtocolException.Kind.INVALID_JSON, "invalid JSON: " + PayloadCodec.firstLine(e), e);
        } catch (IOException e) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_JSON, "invalid JSON", e);
        }
    }

    public static Envelope scan(byte[] json) {
        return scan(json, 0, json.length);
    }

    private static Envelope scan(JsonParser p, byte[] json, int offset) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_JSON, "invalid JSON: empty payload");
        }
        if (first != JsonToken.START_OBJECT) {
            throw invalid("payload must be a JSON object");
        }
        int op = Integer.MIN_VALUE;
        String t = null;
        int dStart = -1;
        int dEnd = -1;
        Envelope.DataKind dKind = Envelope.DataKind.NULL;
        DataFields fields = new DataFields();
        long publishSeq = Envelope.ABSENT;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "op" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                        throw invalid("op must be an integer");
                    }
                    op = p.getIntValue();
                }
                case "t" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        t = p.getText();
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw invalid("t must be a string");
                    }
                }
                case "d" -> {
                    dStart = (int) p.currentTokenLocation().getByteOffset() + offset;
                    if (value == JsonToken.START_OBJECT) {
                        dKind = Envelope.DataKind.OBJECT;
                        fields = DataFields.read(p);
                    } else {
                        dKind = value == JsonToken.VALUE_NULL ? Envelope.DataKind.NULL : Envelope.DataKind.OTHER;
                        p.skipChildren();
                        p.finishToken();
                    }
                    dEnd = (int) p.currentLocation().getByteOffset() + offset;
                }
                case "ps" -> {
                    if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            && p.getLongValue() > 0) {
                        publishSeq = p.getLongValue();
                    } else {
                        publishSeq = Envelope.INVALID;
                        p.skipChildren();
                    }
                }
                default -> {
                    p.skipChildren();
                }
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw invalid("payload must be a JSON object");
        }
        if (p.nextToken() != null) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_JSON, "invalid JSON: trailing data after payload");
        }
        if (op == Integer.MIN_VALUE) {
            throw invalid("missing op");
        }
        if (dStart < 0) {
            throw invalid("missing d");
        }
        return new Envelope(json, op, t, dStart, dEnd, dKind, fields.guildId, fields.nonce, fields.shard, fields.seq,
                fields.dispatchName, publishSeq);
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ProtocolException.Kind.INVALID_PAYLOAD, message);
    }

    /** The top-level fields of an object {@code d} that routing reads. */
    private static final class DataFields {
        String guildId;
        String nonce;
        int shard = Envelope.ABSENT;
        long seq = Envelope.ABSENT;
        String dispatchName;

        /** Reads from just after d's START_OBJECT to its END_OBJECT. */
        static DataFields read(JsonParser p) throws IOException {
            DataFields f = new DataFields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "guildID", "guild_id" -> f.guildId = idText(p, value, name);
                    case "nonce" -> {
                        if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) {
                            f.nonce = p.getText();
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw invalid("d.nonce must be a string");
                        }
                    }
                    case "shard" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                                && p.getIntValue() >= 0) {
                            f.shard = p.getIntValue();
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw invalid("d.shard must be a non-negative integer");
                        }
                    }
                    case "s" -> f.seq = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            ? p.getLongValue()
                            : Envelope.INVALID;
                    case "t" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            f.dispatchName = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return f;
        }

        private static String idText(JsonParser p, JsonToken value, String name) throws IOException {
            return switch (value) {
                case VALUE_STRING, VALUE_NUMBER_INT -> p.getText();
                case VALUE_NULL -> null;
                default -> throw invalid("d." + name + " must be a snowflake string");
            };
        }
    }
}
