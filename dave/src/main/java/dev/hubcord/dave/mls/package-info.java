/**
 * The MLS half of DAVE on BouncyCastle MLS (ciphersuite 2): the member's key packages, pending group, proposal
 * handling, commits and Welcomes, the sender-key exporter, and the codecs of the MLS-carrying opcodes. All bcmls calls
 * go through {@link dev.hubcord.dave.mls.Mls#locked}, because bcmls shares stateful hash objects between threads.
 */
package dev.hubcord.dave.mls;
