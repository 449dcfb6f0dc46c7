package io.brushguard.resolve;

import io.brushguard.flow.Fact;

/**
 * An account was seen with a token (a device, IP, address, phone, identity or payment account) it
 * had not been seen with within the retention: the edge the graph detectors build on.
 *
 * @param kind what the token is
 * @param token the token, opaque (raw or hashed as the platform sends it)
 * @param account the platform account
 * @param fanout how many accounts the token is tied to now, this one included (at most the
 *     relation's cap)
 * @param saturated true when the token has been tied to more accounts than the cap keeps: a carrier
 *     NAT address, a public Wi-Fi, a shared office: weak evidence of anything
 */
public record Linked(TokenKind kind, String token, String account, int fanout, boolean saturated)
    implements Fact {}
