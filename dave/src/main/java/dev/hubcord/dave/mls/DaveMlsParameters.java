package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.bouncycastle.mls.codec.Capabilities;
import org.bouncycastle.mls.codec.Credential;
import org.bouncycastle.mls.codec.CredentialType;
import org.bouncycastle.mls.codec.Extension;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.MLSInputStream;

/**
 * MLS parameters of DAVE protocol version 1 (whitepaper "MLS Parameters", libdave {@code parameters.cpp}): ciphersuite
 * 2, basic credentials whose identity is the big-endian 64-bit user id, no leaf extensions, and exactly one group
 * extension, {@code external_senders}, holding the voice gateway.
 */
public final class DaveMlsParameters {

    /** MLS-Exporter label of the per-sender media base secret. */
    public static final String SENDER_KEY_LABEL = "Discord Secure Frames v0";
    /** Length of the exported base secret: one AES-128 key. */
    public static final int SENDER_KEY_BYTES = 16;

    private DaveMlsParameters() {
    }

    /** The MLS group id: the voice channel id as 8 big-endian bytes. */
    public static byte[] groupId(long channelId) {
        return ByteBuffer.allocate(8).putLong(channelId).array();
    }

    /** A basic credential for {@code userId}. */
    public static Credential credential(long userId) {
        return Credential.forBasic(ByteBuffer.allocate(8).putLong(userId).array());
    }

    /**
     * The user id in a basic credential.
     *
     * @throws DaveException {@code MLS_FAILURE} for other credential types or identities that are not 8 bytes
     */
    public static long userId(Credential credential) {
        if (credential.getCredentialType() != CredentialType.basic || credential.getIdentity().length != 8) {
            throw new DaveException(DaveException.Kind.MLS_FAILURE, "credential is not a DAVE basic credential");
        }
        return ByteBuffer.wrap(credential.getIdentity()).getLong();
    }

    /** The exporter context for a sender: the user id as 8 little-endian bytes (libdave copies the integer). */
    public static byte[] senderKeyContext(long userId) {
        return ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(userId).array();
    }

    /** The group context extensions: one external sender. */
    public static List<Extension> groupExtensions(ExternalSender sender) throws IOException {
        return new java.util.ArrayList<>(List.of(Extension.externalSender(List.of(sender))));
    }

    /**
     * Leaf capabilities as libdave sets them: MLS 1.0, ciphersuite 2 only, no extra extensions or proposals, basic
     * credentials only. bcmls has no setter for these fields, so the structure is decoded from its TLS encoding.
     */
    public static Capabilities capabilities() throws IOException {
        byte[] encoded = {
            2, 0, 1, // versions<V>: mls10
            2, 0, 2, // cipher_suites<V>: 2
            0, // extensions<V>
            0, // proposals<V>
            2, 0, 1 // credentials<V>: basic
        };
        return (Capabilities) MLSInputStream.decode(encoded, Capabilities.class);
    }
}
