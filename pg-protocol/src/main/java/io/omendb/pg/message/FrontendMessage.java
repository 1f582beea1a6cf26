package io.omendb.pg.message;

/** A message sent by the client to the server. */
public sealed interface FrontendMessage
    permits StartupMessage, SSLRequest, GSSENCRequest, CancelRequest, Query, Terminate,
        Parse, Bind, Describe, Execute, Sync, Flush, Close, CopyData, CopyDone, CopyFail,
        SASLInitialResponse, SASLResponse, PasswordMessage {}
