//! The two clients: the operator's and the end user's, so a token cannot be used where it
//! does not belong.

mod end_user;
mod operator;

pub use end_user::EndUserClient;
pub use operator::OperatorClient;
