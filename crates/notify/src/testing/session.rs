//! One SMTP conversation, server side (RFC 5321, the subset a submission client uses).

use std::sync::Arc;

use base64::Engine;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::sink::{Login, MAX_MESSAGE, ReceivedMail, Shared, Stage};

/// RFC 5321 allows 512 octets per command line; a little slack for extensions.
const MAX_COMMAND: u64 = 4096;
/// Data lines may be 1000 octets; longer ones are read in pieces of this size.
const MAX_DATA_CHUNK: u64 = 64 * 1024;

/// The transaction in progress.
#[derive(Default)]
struct Transaction {
    helo: Option<String>,
    login: Option<Login>,
    from: Option<String>,
    rcpt: Vec<String>,
}

pub(crate) async fn serve(stream: TcpStream, shared: Arc<Shared>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    write
        .write_all(b"220 127.0.0.1 klaster-notify test sink ESMTP\r\n")
        .await?;
    let mut tx = Transaction::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if (&mut read)
            .take(MAX_COMMAND)
            .read_until(b'\n', &mut line)
            .await?
            == 0
        {
            return Ok(()); // the client hung up
        }
        if !line.ends_with(b"\n") {
            write.write_all(b"500 5.5.6 line too long\r\n").await?;
            return Ok(());
        }
        let command = String::from_utf8_lossy(&line);
        let command = command.trim_end_matches(['\r', '\n']);
        let (verb, arg) = command.split_once(' ').unwrap_or((command, ""));
        let reply = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                tx = Transaction {
                    helo: Some(arg.trim().to_owned()),
                    ..Transaction::default()
                };
                format!(
                    "250-127.0.0.1 greets {}\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN\r\n250 SIZE {MAX_MESSAGE}",
                    arg.trim()
                )
            }
            "HELO" => {
                tx = Transaction {
                    helo: Some(arg.trim().to_owned()),
                    ..Transaction::default()
                };
                "250 127.0.0.1".to_owned()
            }
            "AUTH" => auth(arg, &mut read, &mut write, &mut tx, &shared).await?,
            "MAIL" => match (&tx.helo, path_after(arg, "FROM:")) {
                (None, _) => "503 5.5.1 EHLO first".to_owned(),
                (_, None) => "501 5.5.4 syntax: MAIL FROM:<address>".to_owned(),
                (Some(_), Some(from)) => match shared.state().failure(Stage::Mail) {
                    Some(refusal) => refusal,
                    None => {
                        tx.from = Some(from);
                        tx.rcpt.clear();
                        "250 2.1.0 OK".to_owned()
                    }
                },
            },
            "RCPT" => match (&tx.from, path_after(arg, "TO:")) {
                (None, _) => "503 5.5.1 MAIL first".to_owned(),
                (_, None) => "501 5.5.4 syntax: RCPT TO:<address>".to_owned(),
                (Some(_), Some(to)) => match shared.state().failure(Stage::Rcpt) {
                    Some(refusal) => refusal,
                    None => {
                        tx.rcpt.push(to);
                        "250 2.1.5 OK".to_owned()
                    }
                },
            },
            "DATA" => {
                if tx.from.is_none() || tx.rcpt.is_empty() {
                    "503 5.5.1 MAIL and RCPT first".to_owned()
                } else {
                    write
                        .write_all(b"354 end data with <CR><LF>.<CR><LF>\r\n")
                        .await?;
                    let data = read_data(&mut read).await?;
                    let refusal = shared.state().failure(Stage::Data);
                    let reply = match (data, refusal) {
                        (None, _) => "552 5.3.4 message too big".to_owned(),
                        (Some(_), Some(refusal)) => refusal,
                        (Some(data), None) => {
                            shared.store(ReceivedMail {
                                helo: tx.helo.clone().unwrap_or_default(),
                                login: tx.login.clone(),
                                mail_from: tx.from.clone().unwrap_or_default(),
                                rcpt_to: tx.rcpt.clone(),
                                data,
                            });
                            "250 2.0.0 OK queued".to_owned()
                        }
                    };
                    // The transaction ends with the data, accepted or not.
                    tx.from = None;
                    tx.rcpt.clear();
                    reply
                }
            }
            "RSET" => {
                tx.from = None;
                tx.rcpt.clear();
                "250 2.0.0 OK".to_owned()
            }
            "NOOP" => "250 2.0.0 OK".to_owned(),
            "VRFY" => "252 2.5.2 cannot verify, will attempt delivery".to_owned(),
            "STARTTLS" => "454 4.7.0 TLS not available in the test sink".to_owned(),
            "QUIT" => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => "500 5.5.2 command not recognised".to_owned(),
        };
        write.write_all(reply.as_bytes()).await?;
        write.write_all(b"\r\n").await?;
    }
}

/// `AUTH PLAIN`, with the credentials on the command line or after a 334 challenge.
async fn auth<R, W>(
    arg: &str,
    read: &mut R,
    write: &mut W,
    tx: &mut Transaction,
    shared: &Shared,
) -> std::io::Result<String>
where
    R: AsyncBufRead + Unpin,
    W: tokio::io::AsyncWrite + Unpin,
{
    let (mechanism, initial) = arg.trim().split_once(' ').unwrap_or((arg.trim(), ""));
    if !mechanism.eq_ignore_ascii_case("PLAIN") {
        return Ok("504 5.5.4 only AUTH PLAIN".to_owned());
    }
    let response = if initial.is_empty() {
        write.write_all(b"334 \r\n").await?;
        let mut line = Vec::new();
        read.take(MAX_COMMAND).read_until(b'\n', &mut line).await?;
        String::from_utf8_lossy(&line).trim().to_owned()
    } else {
        initial.trim().to_owned()
    };
    let Some(login) = decode_plain(&response) else {
        return Ok("501 5.5.2 cannot decode AUTH PLAIN response".to_owned());
    };
    if let Some(refusal) = shared.state().failure(Stage::Auth) {
        return Ok(refusal);
    }
    tx.login = Some(login);
    Ok("235 2.7.0 authenticated".to_owned())
}

/// RFC 4616: base64 of `authzid NUL authcid NUL password`.
fn decode_plain(response: &str) -> Option<Login> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(response)
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let mut parts = text.split('\0');
    let (_authzid, user, password) = (parts.next()?, parts.next()?, parts.next()?);
    Some(Login {
        user: user.to_owned(),
        password: password.to_owned(),
    })
}

/// The address in `FROM:<a@b> SIZE=1` (case-insensitive prefix); `<>` gives "".
fn path_after(arg: &str, prefix: &str) -> Option<String> {
    let arg = arg.trim_start();
    let head = arg.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    let rest = arg[prefix.len()..].trim_start();
    let path = match rest.strip_prefix('<') {
        Some(inner) => inner.split_once('>')?.0,
        None => rest.split(' ').next().unwrap_or_default(),
    };
    Some(path.to_owned())
}

/// The message up to the lone ".": dot-unstuffed, line ends kept. `None` when it exceeded
/// [`MAX_MESSAGE`] (the rest is still read, so the conversation can go on).
async fn read_data<R: AsyncRead + AsyncBufRead + Unpin>(
    read: &mut R,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let mut too_big = false;
    let mut chunk = Vec::new();
    let mut at_line_start = true;
    loop {
        chunk.clear();
        if (&mut *read)
            .take(MAX_DATA_CHUNK)
            .read_until(b'\n', &mut chunk)
            .await?
            == 0
        {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let complete = chunk.ends_with(b"\n");
        if at_line_start && complete && matches!(chunk.as_slice(), b".\r\n" | b".\n") {
            break;
        }
        // RFC 5321 4.5.2: a client doubles a leading dot; the server removes one.
        let content = match chunk.strip_prefix(b".") {
            Some(rest) if at_line_start => rest,
            _ => &chunk[..],
        };
        if data.len() + content.len() > MAX_MESSAGE {
            too_big = true;
        }
        if !too_big {
            data.extend_from_slice(content);
        }
        at_line_start = complete;
    }
    Ok((!too_big).then_some(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            path_after("FROM:<a@b.example> BODY=8BITMIME", "FROM:").as_deref(),
            Some("a@b.example")
        );
        assert_eq!(path_after("from: <a@b>", "FROM:").as_deref(), Some("a@b"));
        assert_eq!(path_after("FROM:<>", "FROM:").as_deref(), Some(""));
        assert_eq!(path_after("TO:x@y", "TO:").as_deref(), Some("x@y"));
        assert_eq!(path_after("FROM:<a@b", "FROM:"), None);
        assert_eq!(path_after("TO:<a@b>", "FROM:"), None);
        assert_eq!(
            path_after("ż", "FROM:"),
            None,
            "no panic inside a UTF-8 character"
        );
    }

    #[test]
    fn plain_credentials() {
        let b64 = base64::engine::general_purpose::STANDARD.encode("\0portal\0s3cret");
        assert_eq!(
            decode_plain(&b64),
            Some(Login {
                user: "portal".into(),
                password: "s3cret".into()
            })
        );
        assert_eq!(decode_plain("!!"), None);
    }

    #[tokio::test]
    async fn data_is_dot_unstuffed_up_to_the_lone_dot() {
        let input: &[u8] = b"Subject: x\r\n\r\n..leading dot\r\n.\r\nafter\r\n";
        let mut read = BufReader::new(input);
        let data = read_data(&mut read).await.unwrap().unwrap();
        assert_eq!(data, b"Subject: x\r\n\r\n.leading dot\r\n");
        let mut rest = String::new();
        read.read_to_string(&mut rest).await.unwrap();
        assert_eq!(rest, "after\r\n");

        let mut cut = BufReader::new(&b"no end\r\n"[..]);
        assert!(read_data(&mut cut).await.is_err());
    }
}
