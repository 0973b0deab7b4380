//! Paginators: an operation called again with the token of its last page, as botocore's
//! `paginators-1.json` describes, yielding pages or the items in them.
//!
//! The generator implements [`Paginate`] for each paginated operation: a few lines that read
//! the output token(s) of a page, write them into the input and take the page's items, all
//! typed (no reflection at run time). [`Paginator`] drives it: `next_page().await` until
//! `None`; the blocking client's [`BlockingPaginator`] is an `Iterator` over the same.
//!
//! The paginator stops when the page gives no token (every token absent), when its
//! `more_results` member says so, or — as the SDKs do — with an error when the service gives
//! the token it gave for the previous page (a server that loops would otherwise never end);
//! a server whose tokens never repeat yet never end is cut off after a million pages. The
//! page size is the input's own limit member (`limit_key`), set on the input before
//! paginating.
//!
//! ```
//! use awso_client::paginate::{Paginate, TokenSet};
//!
//! // A token of two parts ends when both are absent.
//! assert!((None::<String>, None::<String>).is_end());
//! assert!(!(Some("k".to_owned()), None::<String>).is_end());
//! ```

use awso_core::protocol::Operation;

use crate::client::{BlockingClient, CallError, Client, ErrorKind, ServiceSpec};

/// The most pages one paginator asks for: far beyond any listing, a bound on a server whose
/// tokens never repeat yet never end. Crate-private: a bound of the loop, not a setting (the
/// module docs state it).
pub(crate) const MAX_PAGES: u32 = 1_000_000;

/// The token(s) that lead from one page to the next: a tuple of `Option`s, one per
/// `input_token`.
///
/// ```
/// use awso_client::paginate::TokenSet;
/// // S3's ListObjectVersions pages by two tokens; only both absent is the end.
/// let token = (None::<String>, Some("v-7".to_owned()));
/// assert!(!token.is_end());
/// assert!((None::<String>, None::<String>).is_end());
/// ```
pub trait TokenSet: Clone + PartialEq + Send + Sync {
    /// Whether no token is present: the last page.
    ///
    /// ```
    /// use awso_client::paginate::TokenSet;
    /// assert!((None::<String>,).is_end());
    /// assert!(!(Some(2_i32),).is_end());
    /// ```
    fn is_end(&self) -> bool;
}

macro_rules! token_set {
    ($($name:ident),+) => {
        impl<$($name: Clone + PartialEq + Send + Sync),+> TokenSet for ($(Option<$name>,)+) {
            #[allow(non_snake_case)]
            fn is_end(&self) -> bool {
                let ($($name,)+) = self;
                true $(&& $name.is_none())+
            }
        }
    };
}

token_set!(A);
token_set!(A, B);
token_set!(A, B, C);
token_set!(A, B, C, D);

/// How a paginated operation's pages link: generated per operation from its paginator.
///
/// ```
/// use awso_client::paginate::Paginate;
/// # use awso_core::{AwsShape, AwsError, protocol::*};
/// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
/// # pub struct ListIn { next_token: Option<String> }
/// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
/// # pub struct ListOut { next_token: Option<String>, items: Option<Vec<String>> }
/// # #[derive(AwsError, Debug)] pub enum ListError { #[awso(unknown)] Unknown(awso_core::UnknownError) }
/// # static SERVICE: ServiceSchema = ServiceSchema::new(Protocol::AwsJson1_0, "1");
/// # pub struct List;
/// # impl Operation for List {
/// #     type Input = ListIn; type Output = ListOut; type Error = ListError;
/// #     const SERVICE: &'static ServiceSchema = &SERVICE;
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("List", "POST", "/");
/// # }
/// impl Paginate for List {
///     type Token = (Option<String>,);
///     type Items = Vec<String>;
///     fn next_token(output: &ListOut) -> Self::Token {
///         (output.next_token.clone(),)
///     }
///     fn set_token(input: &mut ListIn, token: &Self::Token) {
///         input.next_token.clone_from(&token.0);
///     }
///     fn items(output: ListOut) -> Option<Vec<String>> {
///         output.items
///     }
/// }
/// let page = ListOut { next_token: Some("2".into()), items: Some(vec!["a".into()]) };
/// assert_eq!(List::next_token(&page), (Some("2".to_owned()),));
/// ```
pub trait Paginate: Operation<Input: Clone> {
    /// The output token(s), in `input_token` order.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    ///
    /// use awso_client::paginate::TokenSet;
    /// // `ListThings` pages by one token, `NextToken`.
    /// let last: <ListThings as Paginate>::Token = (None,);
    /// assert!(last.is_end());
    /// ```
    type Token: TokenSet;
    /// The collection of a page's items (its first `result_key`).
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    ///
    /// let page = ListThingsOutput { next_token: None, items: Some(vec!["a".into(), "b".into()]) };
    /// let items: <ListThings as Paginate>::Items = ListThings::items(page).unwrap();
    /// assert_eq!(items, ["a", "b"]);
    /// ```
    type Items: IntoIterator;

    /// The token(s) of `output` leading to the next page.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    ///
    /// let page = ListThingsOutput { next_token: Some("2".into()), items: None };
    /// assert_eq!(ListThings::next_token(&page), (Some("2".to_owned()),));
    /// ```
    fn next_token(output: &Self::Output) -> Self::Token;

    /// Writes `token` into `input` for the next page.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    ///
    /// let mut input = ListThingsInput::default();
    /// ListThings::set_token(&mut input, &(Some("2".to_owned()),));
    /// assert_eq!(input.next_token.as_deref(), Some("2"));
    /// ```
    fn set_token(input: &mut Self::Input, token: &Self::Token);

    /// The page's items, taken out of it.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    ///
    /// let empty = ListThingsOutput { next_token: None, items: None };
    /// assert_eq!(ListThings::items(empty), None);
    /// ```
    fn items(output: Self::Output) -> Option<Self::Items>;

    /// Whether the page says more follow (`more_results`); without the member, `true`.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    ///
    /// // `ListThings` has no `more_results` member: its pages never say "no more" themselves.
    /// let page = ListThingsOutput { next_token: Some("2".into()), items: None };
    /// assert!(ListThings::more_results(&page));
    /// ```
    fn more_results(output: &Self::Output) -> bool {
        let _ = output;
        true
    }
}

/// Where a paginator is: the input of the next page, or the end.
struct Cursor<O: Paginate> {
    input: O::Input,
    last: Option<O::Token>,
    pages: u32,
    done: bool,
}

impl<O: Paginate> Cursor<O> {
    fn new(input: O::Input) -> Self {
        Cursor {
            input,
            last: None,
            pages: 0,
            done: false,
        }
    }

    /// Records a page: sets the next input, or ends; an error when the token repeats.
    fn advance(&mut self, page: &O::Output) -> Result<(), CallError<O::Error>> {
        self.pages += 1;
        let token = O::next_token(page);
        if token.is_end() || !O::more_results(page) || self.pages >= MAX_PAGES {
            self.done = true;
            return Ok(());
        }
        // A server echoing the token it was sent would loop for ever. Only the previous token
        // is compared (as the SDKs do), so the check stays linear; longer cycles end at
        // `MAX_PAGES`.
        if self.last.as_ref() == Some(&token) {
            self.done = true;
            let kind = ErrorKind::RepeatedToken { page: self.pages };
            return Err(CallError::new(O::SCHEMA.name(), 0, kind));
        }
        O::set_token(&mut self.input, &token);
        self.last = Some(token);
        Ok(())
    }

    /// Ends the cursor on an error.
    fn fail<T>(&mut self, error: CallError<O::Error>) -> Result<T, CallError<O::Error>> {
        self.done = true;
        Err(error)
    }
}

/// The pages of a paginated operation, fetched one `next_page` at a time.
///
/// ```
/// # use awso_client::paginate::Paginate;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsInput { next_token: Option<String> }
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
/// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
/// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
/// # struct ListThings;
/// # impl Operation for ListThings {
/// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
/// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
/// # }
/// # // What the generator writes for the operation's paginator.
/// # impl Paginate for ListThings {
/// #     type Token = (Option<String>,);
/// #     type Items = Vec<String>;
/// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
/// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
/// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
/// # }
/// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
/// # struct Pages;
/// # impl HttpClient for Pages {
/// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
/// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
/// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
/// #     }
/// # }
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
/// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use awso_client::paginate::Paginator;
/// // `ListThings` pages by `NextToken`; `client` talks to a canned service of two pages.
/// let mut pages = Paginator::<ListThings>::new(client, &SPEC, ListThingsInput::default());
/// let mut tokens = Vec::new();
/// # rt.block_on(async {
/// while let Some(page) = pages.next_page().await {
///     tokens.push(page.unwrap().next_token);
/// }
/// # });
/// assert_eq!(tokens, [Some("2".to_owned()), None]);
/// ```
pub struct Paginator<O: Paginate> {
    client: Client,
    spec: &'static ServiceSpec,
    cursor: Cursor<O>,
}

impl<O: Paginate> Paginator<O> {
    /// Pages of `O` starting from `input` (its token members as the first page wants them).
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// use awso_client::paginate::Paginator;
    /// // `ListThings` pages by `NextToken`; `client` talks to a canned service of two pages.
    /// let mut pages = Paginator::<ListThings>::new(client, &SPEC, ListThingsInput::default());
    /// # rt.block_on(async {
    /// let first = pages.next_page().await.unwrap().unwrap();
    /// assert_eq!(first.items.unwrap(), ["a", "b"]);
    /// # });
    /// ```
    pub fn new(client: Client, spec: &'static ServiceSpec, input: O::Input) -> Self {
        Paginator {
            client,
            spec,
            cursor: Cursor::new(input),
        }
    }

    /// The next page; `None` after the last (or after an error).
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// use awso_client::paginate::Paginator;
    /// let mut pages = Paginator::<ListThings>::new(client, &SPEC, ListThingsInput::default());
    /// let mut seen = Vec::new();
    /// # rt.block_on(async {
    /// while let Some(page) = pages.next_page().await {
    ///     seen.extend(page.unwrap().items.unwrap_or_default());
    /// }
    /// # });
    /// assert_eq!(seen, ["a", "b", "c"]);
    /// ```
    pub async fn next_page(&mut self) -> Option<Result<O::Output, CallError<O::Error>>> {
        if self.cursor.done {
            return None;
        }
        let page = match self.client.call::<O>(self.spec, &self.cursor.input).await {
            Ok(page) => page,
            Err(error) => return Some(self.cursor.fail(error)),
        };
        match self.cursor.advance(&page) {
            Ok(()) => Some(Ok(page)),
            Err(error) => Some(self.cursor.fail(error)),
        }
    }

    /// The items of every page, one at a time.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// use awso_client::paginate::Paginator;
    /// let mut items = Paginator::<ListThings>::new(client, &SPEC, ListThingsInput::default()).items();
    /// # rt.block_on(async {
    /// let mut seen = Vec::new();
    /// while let Some(item) = items.next_item().await {
    ///     seen.push(item.unwrap());
    /// }
    /// assert_eq!(seen, ["a", "b", "c"]);
    /// # });
    /// ```
    pub fn items(self) -> ItemPaginator<O> {
        ItemPaginator {
            pages: self,
            current: None,
        }
    }

    /// How many pages were fetched.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// use awso_client::paginate::Paginator;
    /// let mut pages = Paginator::<ListThings>::new(client, &SPEC, ListThingsInput::default());
    /// assert_eq!(pages.pages(), 0);
    /// # rt.block_on(async {
    /// while pages.next_page().await.is_some() {}
    /// # });
    /// assert_eq!(pages.pages(), 2);
    /// ```
    pub fn pages(&self) -> u32 {
        self.cursor.pages
    }
}

/// The items of a paginated operation's pages (its first `result_key`), fetched as needed.
///
/// ```
/// # use awso_client::paginate::Paginate;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsInput { next_token: Option<String> }
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
/// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
/// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
/// # struct ListThings;
/// # impl Operation for ListThings {
/// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
/// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
/// # }
/// # // What the generator writes for the operation's paginator.
/// # impl Paginate for ListThings {
/// #     type Token = (Option<String>,);
/// #     type Items = Vec<String>;
/// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
/// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
/// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
/// # }
/// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
/// # struct Pages;
/// # impl HttpClient for Pages {
/// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
/// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
/// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
/// #     }
/// # }
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
/// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use awso_client::paginate::{ItemPaginator, Paginator};
/// let mut items: ItemPaginator<ListThings> = Paginator::new(client, &SPEC, ListThingsInput::default()).items();
/// # rt.block_on(async {
/// // The second page is asked for only when the first runs out.
/// assert_eq!(items.next_item().await.unwrap().unwrap(), "a");
/// # });
/// ```
pub struct ItemPaginator<O: Paginate> {
    pages: Paginator<O>,
    current: Option<<O::Items as IntoIterator>::IntoIter>,
}

impl<O: Paginate> ItemPaginator<O> {
    /// The next item; `None` after the last (or after an error).
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build());
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// use awso_client::paginate::Paginator;
    /// let mut items = Paginator::<ListThings>::new(client, &SPEC, ListThingsInput::default()).items();
    /// # rt.block_on(async {
    /// for expected in ["a", "b", "c"] {
    ///     assert_eq!(items.next_item().await.unwrap().unwrap(), expected);
    /// }
    /// assert!(items.next_item().await.is_none());
    /// # });
    /// ```
    pub async fn next_item(
        &mut self,
    ) -> Option<Result<<O::Items as IntoIterator>::Item, CallError<O::Error>>> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(Ok(item));
            }
            // Empty pages are skipped; the page loop is bounded by the paginator's.
            match self.pages.next_page().await? {
                Ok(page) => self.current = O::items(page).map(IntoIterator::into_iter),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

/// [`Paginator`] for the blocking client: an `Iterator` of pages.
///
/// ```
/// # use awso_client::paginate::Paginate;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsInput { next_token: Option<String> }
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
/// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
/// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
/// # struct ListThings;
/// # impl Operation for ListThings {
/// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
/// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
/// # }
/// # // What the generator writes for the operation's paginator.
/// # impl Paginate for ListThings {
/// #     type Token = (Option<String>,);
/// #     type Items = Vec<String>;
/// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
/// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
/// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
/// # }
/// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
/// # struct Pages;
/// # impl HttpClient for Pages {
/// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
/// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
/// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
/// #     }
/// # }
/// # use awso_client::client::{BlockingClient, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
/// # let client = BlockingClient::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build()).unwrap();
/// use awso_client::paginate::BlockingPaginator;
/// // No runtime of the caller's: each page is fetched as the iterator is advanced.
/// let pages: Vec<_> = BlockingPaginator::<ListThings>::new(&client, &SPEC, ListThingsInput::default())
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert_eq!(pages.len(), 2);
/// assert_eq!(pages[1].items.as_deref(), Some(&["c".to_owned()][..]));
/// ```
pub struct BlockingPaginator<O: Paginate> {
    client: BlockingClient,
    pages: Paginator<O>,
}

impl<O: Paginate> BlockingPaginator<O> {
    /// Pages of `O` from `input`, fetched through `client`.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{BlockingClient, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = BlockingClient::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build()).unwrap();
    /// use awso_client::paginate::BlockingPaginator;
    /// let mut pages = BlockingPaginator::<ListThings>::new(&client, &SPEC, ListThingsInput::default());
    /// assert_eq!(pages.next().unwrap().unwrap().next_token.as_deref(), Some("2"));
    /// ```
    pub fn new(client: &BlockingClient, spec: &'static ServiceSpec, input: O::Input) -> Self {
        BlockingPaginator {
            client: client.clone(),
            pages: Paginator::new(client.client().clone(), spec, input),
        }
    }

    /// The items of every page.
    ///
    /// ```
    /// # use awso_client::paginate::Paginate;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsInput { next_token: Option<String> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
    /// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
    /// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
    /// # struct ListThings;
    /// # impl Operation for ListThings {
    /// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
    /// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
    /// # }
    /// # // What the generator writes for the operation's paginator.
    /// # impl Paginate for ListThings {
    /// #     type Token = (Option<String>,);
    /// #     type Items = Vec<String>;
    /// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
    /// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
    /// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
    /// # }
    /// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
    /// # struct Pages;
    /// # impl HttpClient for Pages {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
    /// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
    /// #     }
    /// # }
    /// # use awso_client::client::{BlockingClient, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// # let client = BlockingClient::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build()).unwrap();
    /// use awso_client::paginate::BlockingPaginator;
    /// let items = BlockingPaginator::<ListThings>::new(&client, &SPEC, ListThingsInput::default()).items();
    /// assert_eq!(items.collect::<Result<Vec<_>, _>>().unwrap(), ["a", "b", "c"]);
    /// ```
    pub fn items(self) -> BlockingItems<O> {
        BlockingItems {
            client: self.client,
            items: self.pages.items(),
        }
    }
}

impl<O: Paginate> Iterator for BlockingPaginator<O> {
    type Item = Result<O::Output, CallError<O::Error>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.client.block_on(self.pages.next_page())
    }
}

/// The items of a [`BlockingPaginator`].
///
/// ```
/// # use awso_client::paginate::Paginate;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Clone, Debug, Default)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsInput { next_token: Option<String> }
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct ListThingsOutput { next_token: Option<String>, items: Option<Vec<String>> }
/// # #[derive(AwsError, Debug)] enum ListThingsError { Unknown(UnknownError) }
/// # /// `POST /things` of a local restJson1 service, paginated by `NextToken`.
/// # struct ListThings;
/// # impl Operation for ListThings {
/// #     type Input = ListThingsInput; type Output = ListThingsOutput; type Error = ListThingsError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("ListThings", "POST", "/things")
/// #         .with_input(ListThingsInput::SCHEMA).with_output(ListThingsOutput::SCHEMA);
/// # }
/// # // What the generator writes for the operation's paginator.
/// # impl Paginate for ListThings {
/// #     type Token = (Option<String>,);
/// #     type Items = Vec<String>;
/// #     fn next_token(output: &ListThingsOutput) -> Self::Token { (output.next_token.clone(),) }
/// #     fn set_token(input: &mut ListThingsInput, token: &Self::Token) { input.next_token.clone_from(&token.0); }
/// #     fn items(output: ListThingsOutput) -> Option<Vec<String>> { output.items }
/// # }
/// # /// The service, canned: `a`, `b` and token `2` first; `c` and no token for token `2`.
/// # struct Pages;
/// # impl HttpClient for Pages {
/// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let second = request.body().as_ref() == br#"{"NextToken":"2"}"#;
/// #         let body = if second { r#"{"Items":["c"]}"# } else { r#"{"Items":["a","b"],"NextToken":"2"}"# };
/// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body))) })
/// #     }
/// # }
/// # use awso_client::client::{BlockingClient, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
/// # let client = BlockingClient::new(Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Pages).build()).unwrap();
/// use awso_client::paginate::{BlockingItems, BlockingPaginator};
/// let items: BlockingItems<ListThings> = BlockingPaginator::new(&client, &SPEC, ListThingsInput::default()).items();
/// // An iterator like any other: the first two items need only the first page.
/// let first_two: Vec<String> = items.take(2).map(Result::unwrap).collect();
/// assert_eq!(first_two, ["a", "b"]);
/// ```
pub struct BlockingItems<O: Paginate> {
    client: BlockingClient,
    items: ItemPaginator<O>,
}

impl<O: Paginate> Iterator for BlockingItems<O> {
    type Item = Result<<O::Items as IntoIterator>::Item, CallError<O::Error>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.client.block_on(self.items.next_item())
    }
}
