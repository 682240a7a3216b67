//! What a token store sees: key names that are HMACs of what they identify, and values sealed
//! with ChaCha20-Poly1305, both under keys derived from the client secret (HKDF-SHA256).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use secrecy::zeroize::Zeroizing;

/// HKDF salt: names this use of the client secret.
const SALT: &[u8] = b"airbyte-embedded token store v1";
/// Prefix of every sealed value (the format's version).
const VALUE_PREFIX: &str = "v1.";
/// Prefix of every key name.
const KEY_PREFIX: &str = "airbyte-embedded:v1:";
const NONCE_LEN: usize = aead::NONCE_LEN;

/// The sealing and naming keys of one client secret.
pub(crate) struct Seal {
    sealing: Zeroizing<[u8; 32]>,
    naming: hmac::Key,
    random: SystemRandom,
}

/// One 32-byte HKDF-SHA256 output (RFC 5869: PRK = HMAC(salt, ikm), T(1) = HMAC(PRK, info ‖
/// 0x01)).
fn hkdf_sha256(salt: &[u8], ikm: &[u8], info: &[u8]) -> Zeroizing<[u8; 32]> {
    let prk = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, salt), ikm);
    let prk_key = hmac::Key::new(hmac::HMAC_SHA256, prk.as_ref());
    let mut ctx = hmac::Context::with_key(&prk_key);
    ctx.update(info);
    ctx.update(&[1]);
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(ctx.sign().as_ref());
    out
}

impl Seal {
    /// The keys derived from `secret`.
    pub(crate) fn new(secret: &str) -> Seal {
        let naming = hkdf_sha256(SALT, secret.as_bytes(), b"key names");
        Seal {
            sealing: hkdf_sha256(SALT, secret.as_bytes(), b"sealed values"),
            naming: hmac::Key::new(hmac::HMAC_SHA256, naming.as_ref()),
            random: SystemRandom::new(),
        }
    }

    /// `airbyte-embedded:v1:<kind>:<HMAC of parts, hex>`. Each part is length-prefixed (and
    /// `None` told apart from `Some("")`), so different parts never give one name.
    pub(crate) fn name(&self, kind: &str, parts: &[Option<&str>]) -> String {
        let mut ctx = hmac::Context::with_key(&self.naming);
        ctx.update(kind.as_bytes());
        for part in parts {
            match part {
                None => ctx.update(&[0]),
                Some(p) => {
                    ctx.update(&[1]);
                    ctx.update(&(p.len() as u64).to_be_bytes());
                    ctx.update(p.as_bytes());
                }
            }
        }
        let mac = ctx.sign();
        let hex: String = mac.as_ref().iter().map(|b| format!("{b:02x}")).collect();
        format!("{KEY_PREFIX}{kind}:{hex}")
    }

    fn key(&self) -> Option<LessSafeKey> {
        let key = UnboundKey::new(&aead::CHACHA20_POLY1305, self.sealing.as_ref()).ok()?;
        Some(LessSafeKey::new(key))
    }

    /// `plaintext` sealed for the store key `key` (which it is bound to): `v1.` and the
    /// base64url of a random nonce, the ciphertext and its tag. `None` only when the system
    /// has no randomness to give.
    pub(crate) fn seal(&self, key: &str, plaintext: &[u8]) -> Option<String> {
        let mut nonce = [0u8; NONCE_LEN];
        self.random.fill(&mut nonce).ok()?;
        let mut body = Zeroizing::new(plaintext.to_vec());
        self.key()?
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(key.as_bytes()),
                &mut *body,
            )
            .ok()?;
        let mut sealed = nonce.to_vec();
        sealed.extend_from_slice(&body);
        Some(format!("{VALUE_PREFIX}{}", URL_SAFE_NO_PAD.encode(sealed)))
    }

    /// The plaintext of `value` read from the store key `key`, or `None` when it does not open
    /// (another format, another secret, another key, altered).
    pub(crate) fn open(&self, key: &str, value: &str) -> Option<Zeroizing<Vec<u8>>> {
        let encoded = value.strip_prefix(VALUE_PREFIX)?;
        let bytes = URL_SAFE_NO_PAD.decode(encoded).ok()?;
        if bytes.len() < NONCE_LEN {
            return None;
        }
        let (nonce, body) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut body = Zeroizing::new(body.to_vec());
        let len = self
            .key()?
            .open_in_place(nonce, Aad::from(key.as_bytes()), &mut body)
            .ok()?
            .len();
        body.truncate(len);
        Some(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hkdf_matches_rfc_5869_test_case_1() {
        let ikm = [0x0b; 22];
        let salt: Vec<u8> = (0x00..=0x0c).collect();
        let info: Vec<u8> = (0xf0..=0xf9).collect();
        let okm = hkdf_sha256(&salt, &ikm, &info);
        let hex: String = okm.iter().map(|b| format!("{b:02x}")).collect();
        // The first 32 of the RFC's 42 bytes.
        assert_eq!(
            hex,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        );
    }

    #[test]
    fn a_sealed_value_opens_only_with_its_secret_and_key() {
        let seal = Seal::new("secret-a");
        let value = seal.seal("k1", b"token-text").unwrap();
        assert!(value.starts_with("v1.") && !value.contains("token-text"));
        assert_eq!(seal.open("k1", &value).unwrap().as_slice(), b"token-text");
        assert!(seal.open("k2", &value).is_none(), "bound to its key");
        assert!(Seal::new("secret-b").open("k1", &value).is_none());
        let mut altered = value.clone().into_bytes();
        let last = altered.len() - 1;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert!(
            seal.open("k1", std::str::from_utf8(&altered).unwrap())
                .is_none()
        );
        assert!(seal.open("k1", "v1.").is_none());
        assert!(seal.open("k1", "token-text").is_none());
        // A fresh nonce each time.
        assert_ne!(seal.seal("k1", b"token-text").unwrap(), value);
    }

    #[test]
    fn names_hide_their_parts_and_tell_them_apart() {
        let seal = Seal::new("secret-a");
        let name = seal.name("scoped", &[Some("client-9"), Some("acme corp")]);
        assert!(name.starts_with("airbyte-embedded:v1:scoped:"), "{name}");
        assert_eq!(name.len(), "airbyte-embedded:v1:scoped:".len() + 64);
        assert!(!name.contains("client-9") && !name.contains("acme"));
        assert_eq!(
            name,
            seal.name("scoped", &[Some("client-9"), Some("acme corp")])
        );
        let others = [
            seal.name("scoped", &[Some("client-9acme corp")]),
            seal.name("scoped", &[Some("client-9"), Some("acme corp"), None]),
            seal.name("scoped", &[Some("client-9"), Some("acme corp"), Some("")]),
            seal.name("operator", &[Some("client-9"), Some("acme corp")]),
            Seal::new("secret-b").name("scoped", &[Some("client-9"), Some("acme corp")]),
        ];
        for other in &others {
            assert_ne!(other.rsplit(':').next(), name.rsplit(':').next());
        }
    }
}
