package io.omendb.pg.message;

/** The client asks whether the server will switch the connection to GSSAPI encryption; answered with one byte. */
public record GSSENCRequest() implements FrontendMessage {}
