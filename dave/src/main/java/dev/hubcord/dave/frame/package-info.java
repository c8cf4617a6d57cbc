/**
 * The DAVE media frame format: ULEB128, the protocol frame check and trailer layout, and AES-128-GCM with the
 * truncated 8-byte tag over BouncyCastle's lightweight GCM. No key management here.
 */
package dev.hubcord.dave.frame;
