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
//! the token it gave for the previous page (a server that loops would otherwise never end). The page size is
//! the input's own limit member (`limit_key`), set on the input before paginating.
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
/// tokens never repeat yet never end.
pub const MAX_PAGES: u32 = 1_000_000;

/// The token(s) that lead from one page to the next: a tuple of `Option`s, one per
/// `input_token`.
pub trait TokenSet: Clone + PartialEq + Send + Sync {
    /// Whether no token is present: the last page.
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
    type Token: TokenSet;
    /// The collection of a page's items (its first `result_key`).
    type Items: IntoIterator;

    /// The token(s) of `output` leading to the next page.
    fn next_token(output: &Self::Output) -> Self::Token;

    /// Writes `token` into `input` for the next page.
    fn set_token(input: &mut Self::Input, token: &Self::Token);

    /// The page's items, taken out of it.
    fn items(output: Self::Output) -> Option<Self::Items>;

    /// Whether the page says more follow (`more_results`); without the member, `true`.
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
/// ```no_run
/// # use awso_client::paginate::{Paginate, Paginator};
/// # use awso_client::client::{Client, ServiceSpec};
/// # async fn demo<O: Paginate>(client: Client, spec: &'static ServiceSpec, input: O::Input) {
/// let mut pages = Paginator::<O>::new(client, spec, input);
/// while let Some(page) = pages.next_page().await {
///     let Ok(_page) = page else { break };
/// }
/// # }
/// ```
pub struct Paginator<O: Paginate> {
    client: Client,
    spec: &'static ServiceSpec,
    cursor: Cursor<O>,
}

impl<O: Paginate> Paginator<O> {
    /// Pages of `O` starting from `input` (its token members as the first page wants them).
    pub fn new(client: Client, spec: &'static ServiceSpec, input: O::Input) -> Self {
        Paginator {
            client,
            spec,
            cursor: Cursor::new(input),
        }
    }

    /// The next page; `None` after the last (or after an error).
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
    pub fn items(self) -> ItemPaginator<O> {
        ItemPaginator {
            pages: self,
            current: None,
        }
    }

    /// How many pages were fetched.
    pub fn pages(&self) -> u32 {
        self.cursor.pages
    }
}

/// The items of a paginated operation's pages (its first `result_key`), fetched as needed.
pub struct ItemPaginator<O: Paginate> {
    pages: Paginator<O>,
    current: Option<<O::Items as IntoIterator>::IntoIter>,
}

impl<O: Paginate> ItemPaginator<O> {
    /// The next item; `None` after the last (or after an error).
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
pub struct BlockingPaginator<O: Paginate> {
    client: BlockingClient,
    pages: Paginator<O>,
}

impl<O: Paginate> BlockingPaginator<O> {
    /// Pages of `O` from `input`, fetched through `client`.
    pub fn new(client: &BlockingClient, spec: &'static ServiceSpec, input: O::Input) -> Self {
        BlockingPaginator {
            client: client.clone(),
            pages: Paginator::new(client.client().clone(), spec, input),
        }
    }

    /// The items of every page.
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
