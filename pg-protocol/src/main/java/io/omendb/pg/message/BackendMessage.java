package io.omendb.pg.message;

/** A message sent by the server to the client. */
public sealed interface BackendMessage
    permits AuthenticationOk, AuthenticationSASL, AuthenticationSASLContinue, AuthenticationSASLFinal,
        AuthenticationCleartextPassword, ParameterStatus, BackendKeyData, NegotiateProtocolVersion, ReadyForQuery,
        RowDescription, DataRow, CommandComplete, EmptyQueryResponse, ErrorResponse, NoticeResponse,
        ParseComplete, BindComplete, CloseComplete, NoData, ParameterDescription, PortalSuspended,
        CopyInResponse, CopyOutResponse, CopyData, CopyDone {}
