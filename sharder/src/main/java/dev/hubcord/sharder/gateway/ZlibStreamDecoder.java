package dev.hubcord.sharder.gateway;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code compress=zlib-stream}: one {@link Inflater} for the connection. Messages are collected until
 * the input ends with the sync-flush marker {@code 00 00 ff ff} (a payload may span several messages),
 * then inflated in one go; the output is bounded so a hostile stream cannot exhaust memory.
 */
final class ZlibStreamDecoder implements GatewayDecoder {

    private final Inflater inflater = new Inflater();
    private final int maxPayloadBytes;
    private byte[] input = new byte[16 * 1024];
    private int inputLength;
    private byte[] output;
    private final byte[] probe = new byte[1];

    ZlibStreamDecoder(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
        // never larger than the limit: the buffer's size is what stops a payload (found by fuzzing)
        this.output = new byte[Math.min(64 * 1024, maxPayloadBytes)];
    }

    @Override
    public byte[] decode(ByteBuf message) {
        int n = message.readableBytes();
        if (inputLength + n > maxPayloadBytes) {
            throw new GatewayDecodeException("zlib-stream payload over " + maxPayloadBytes + " compressed bytes", null);
        }
        if (input.length < inputLength + n) {
            input = Arrays.copyOf(input, Math.max(inputLength + n, input.length * 2));
        }
        message.getBytes(message.readerIndex(), input, inputLength, n);
        inputLength += n;
        if (!endsWithSyncFlush()) {
            return null;
        }
        inflater.setInput(input, 0, inputLength);
        int produced = 0;
        try {
            while (true) {
                if (produced == output.length) {
                    if (output.length >= maxPayloadBytes) {
                        // full at exactly the limit: over it only if there is more to come
                        if (inflater.inflate(probe) > 0) {
                            throw new GatewayDecodeException("zlib-stream payload over " + maxPayloadBytes + " bytes", null);
                        }
                        break;
                    }
                    output = Arrays.copyOf(output, Math.min(maxPayloadBytes, output.length * 2));
                }
                int got = inflater.inflate(output, produced, output.length - produced);
                produced += got;
                if (got == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new GatewayDecodeException("zlib-stream does not inflate: " + e.getMessage(), e);
        } finally {
            inputLength = 0;
        }
        return Arrays.copyOf(output, produced);
    }

    private boolean endsWithSyncFlush() {
        return inputLength >= 4 && input[inputLength - 4] == 0 && input[inputLength - 3] == 0
                && input[inputLength - 2] == (byte) 0xff && input[inputLength - 1] == (byte) 0xff;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
