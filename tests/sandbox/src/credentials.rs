//! The seeded organisations and their client credentials.

use uuid::Uuid;

/// The seeded organisation that [`CLIENT_ID`] / [`CLIENT_SECRET`] mint tokens for.
pub const ORGANIZATION_ID: &str = "9b2c7f40-5d1e-4a8b-8c3f-6e0d1a2b3c4d";
/// Client id of the seeded organisation [`ORGANIZATION_ID`].
pub const CLIENT_ID: &str = "5f0c2a8e-1d4b-4e7a-9c3f-0a1b2c3d4e5f";
/// Client secret of [`CLIENT_ID`].
pub const CLIENT_SECRET: &str = "sandbox-secret-7Qv2mXkP9sLw4Rz8Tb6Nc1Hd";

/// A second organisation, to check that one organisation never sees another's resources.
pub const OTHER_ORGANIZATION_ID: &str = "3f6a9d12-7b4e-4c1f-a8d2-5e9b0c7f1a36";
/// Client id of [`OTHER_ORGANIZATION_ID`].
pub const OTHER_CLIENT_ID: &str = "c81d4e2f-6a3b-4f9c-8e1d-2b7a5c9f0e34";
/// Client secret of [`OTHER_CLIENT_ID`].
pub const OTHER_CLIENT_SECRET: &str = "sandbox-secret-Jw3Yf8Ua5Ke2Pn7Gx4Mq9Vs0";

/// A client that belongs to both [`ORGANIZATION_ID`] and [`OTHER_ORGANIZATION_ID`].
///
/// Minting a token for it without `X-Organization-Id` is a 400 (`{"message": "...organization...",
/// "errors": [...]}`); with the header naming either organisation it mints a token for that one.
pub const MULTI_CLIENT_ID: &str = "e2a7b9c4-0f1d-4c6e-b3a8-7d9f1e5c2b60";
/// Client secret of [`MULTI_CLIENT_ID`].
pub const MULTI_CLIENT_SECRET: &str = "sandbox-secret-Lr6Ds1Wt8Cb3Zh5Fy2Qe7Xa4";

/// The organisations a client id / secret pair belongs to, or `None` for wrong credentials.
pub(crate) fn organizations_of(client_id: &str, client_secret: &str) -> Option<Vec<Uuid>> {
    // Parsed at compile time: a constant that is not a UUID does not build.
    const ORGANIZATION: Uuid = uuid::uuid!(ORGANIZATION_ID);
    const OTHER_ORGANIZATION: Uuid = uuid::uuid!(OTHER_ORGANIZATION_ID);
    let orgs: &[Uuid] = match (client_id, client_secret) {
        (CLIENT_ID, CLIENT_SECRET) => &[ORGANIZATION],
        (OTHER_CLIENT_ID, OTHER_CLIENT_SECRET) => &[OTHER_ORGANIZATION],
        (MULTI_CLIENT_ID, MULTI_CLIENT_SECRET) => &[ORGANIZATION, OTHER_ORGANIZATION],
        _ => return None,
    };
    Some(orgs.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_resolve() {
        assert_eq!(organizations_of(CLIENT_ID, CLIENT_SECRET).unwrap().len(), 1);
        assert_eq!(
            organizations_of(MULTI_CLIENT_ID, MULTI_CLIENT_SECRET)
                .unwrap()
                .len(),
            2
        );
        assert!(organizations_of(CLIENT_ID, OTHER_CLIENT_SECRET).is_none());
    }
}
