//! `Spec.is_valid_text` as a CPython builtin function, for the Python package.
//!
//! A `ctypes` call converts each argument and result through Python objects of its own, about
//! a microsecond per call, as long as validating a small config several times over. A builtin
//! function (a C function that CPython calls with its argument array, `METH_FASTCALL`) costs
//! tens of nanoseconds. The library links nothing of Python's, since Kotlin and Swift load it
//! too: the package passes, once, the addresses of the few C API functions and objects the
//! builtin uses (read from `ctypes.pythonapi` and `id()`), gets the method definition back
//! from [`airbyte_embedded_python_is_valid_text_def`], and makes the function with
//! `PyCFunction_NewEx`.
//!
//! The builtin `is_valid_text(handle, text, as_object)` takes the handle of a live `Spec` (an
//! `int`), the config's JSON text (a `str`) and whether to answer as `is_valid` does for the
//! text as its object argument (`True`) or as `is_valid_text` does (anything else), and returns
//! `True`, `False`, or `None` where it has no answer (where the method would raise, a panic):
//! the package then makes the generated call, which raises the typed error. A `str` that cannot
//! be encoded as UTF-8 raises `UnicodeEncodeError`, as the generated call does; a wrong
//! argument count returns `None`. Like the generated module's functions, it trusts the handle
//! it is given: the package passes only its own.
//!
//! A builtin runs holding the GIL. For a config of more than [`RELEASE_GIL_ABOVE`] bytes,
//! whose validation takes microseconds, it releases the GIL while it validates (as a `ctypes`
//! call does), so that other threads run meanwhile; below, releasing would cost more than the
//! validation.

use std::ffi::{c_char, c_int, c_void};
use std::ptr::null_mut;
use std::sync::OnceLock;

use super::{INVALID, VALID, airbyte_embedded_spec_is_valid_text};

/// A CPython object, never looked into.
type PyObject = c_void;

/// The C API functions and objects the builtin uses, with their CPython names.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct PythonApi {
    /// `PyLong_AsUnsignedLongLong`: `(unsigned long long)-1` with an exception set on error.
    long_as_u64: unsafe extern "C" fn(*mut PyObject) -> u64,
    /// `PyUnicode_AsUTF8AndSize`: the `str`'s UTF-8 bytes, kept by the object; NULL with an
    /// exception set when it cannot be encoded.
    utf8_and_size: unsafe extern "C" fn(*mut PyObject, *mut isize) -> *const c_char,
    /// `PyErr_Occurred`: the pending exception, or NULL.
    err_occurred: unsafe extern "C" fn() -> *mut PyObject,
    /// `Py_IncRef`.
    incref: unsafe extern "C" fn(*mut PyObject),
    /// `PyEval_SaveThread`: releases the GIL, returning the thread state to restore.
    save_thread: unsafe extern "C" fn() -> *mut c_void,
    /// `PyEval_RestoreThread`: takes the GIL back.
    restore_thread: unsafe extern "C" fn(*mut c_void),
    /// `True`, `False` and `None` (their `id()`).
    true_: *mut PyObject,
    false_: *mut PyObject,
    none: *mut PyObject,
}

/// The table, given once; its objects are CPython's immortal singletons and its functions live
/// as long as the interpreter.
struct Api(PythonApi);
// SAFETY: the pointers are CPython's static singletons and C API functions, valid from any
// thread while the interpreter runs; the builtin is called only by the interpreter.
unsafe impl Send for Api {}
// SAFETY: as above; the table is never written after it is set.
unsafe impl Sync for Api {}

static API: OnceLock<Api> = OnceLock::new();

/// CPython's `PyMethodDef`.
#[repr(C)]
pub struct PyMethodDef {
    name: *const c_char,
    method: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize) -> *mut PyObject,
    flags: c_int,
    doc: *const c_char,
}

/// The definition, in static memory: CPython keeps a pointer to it in the function object.
struct Def(PyMethodDef);
// SAFETY: immutable, and its pointers are to static data and a function.
unsafe impl Sync for Def {}

/// `METH_FASTCALL`: the arguments as an array and a count (CPython 3.7 and later).
const METH_FASTCALL: c_int = 0x0080;

/// The config length (UTF-8 bytes) above which the builtin validates without the GIL.
pub const RELEASE_GIL_ABOVE: usize = 4096;

static DEF: Def = Def(PyMethodDef {
    name: c"is_valid_text".as_ptr(),
    method: is_valid_text,
    flags: METH_FASTCALL,
    doc: c"is_valid_text(handle, text, as_object): True, False, or None where the generated call \
           answers"
        .as_ptr(),
});

/// The method definition of the builtin, for `PyCFunction_NewEx`, after keeping `api` (the
/// first table given is kept; a later call returns the same definition).
///
/// # Safety
/// `api` points to a `PythonApi` whose functions and objects are those of the running
/// interpreter, which is the only caller of the builtin made from the definition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_embedded_python_is_valid_text_def(
    api: *const PythonApi,
) -> *const PyMethodDef {
    if api.is_null() {
        return std::ptr::null();
    }
    // SAFETY: a readable table, by the caller's contract.
    let table = unsafe { *api };
    API.get_or_init(|| Api(table));
    &DEF.0
}

/// The builtin: `True`/`False`/`None` (new references), or NULL with the exception the C API
/// set for an argument it could not convert.
unsafe extern "C" fn is_valid_text(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: isize,
) -> *mut PyObject {
    let Some(Api(api)) = API.get() else {
        // Unreachable: the definition is handed out only after the table is kept.
        return null_mut();
    };
    let give = |object: *mut PyObject| {
        // SAFETY: one of the interpreter's singletons; returned as a new reference.
        unsafe { (api.incref)(object) };
        object
    };
    if nargs != 3 || args.is_null() {
        return give(api.none);
    }
    // SAFETY: CPython passes `nargs` (3) live objects.
    let (handle, text, as_object) = unsafe { (*args, *args.add(1), *args.add(2)) };
    let as_object = u8::from(as_object == api.true_);
    // SAFETY: a live object; the interpreter holds what this builtin needs to call its API.
    let handle = unsafe { (api.long_as_u64)(handle) };
    // SAFETY: as above.
    if handle == u64::MAX && !unsafe { (api.err_occurred)() }.is_null() {
        return null_mut();
    }
    let mut len: isize = 0;
    // SAFETY: a live object and a writable length.
    let data = unsafe { (api.utf8_and_size)(text, &mut len) };
    if data.is_null() {
        return null_mut();
    }
    let Ok(len) = usize::try_from(len) else {
        return give(api.none);
    };
    // SAFETY: `handle` is the Python package's own clone of a live `Spec`'s handle, released
    // only when the `Spec` object is collected (never during a call on it); `data` holds
    // `len` bytes, kept by the `str` that the caller's argument array holds for the call, with
    // or without the GIL (a `str` is immutable and its UTF-8 form lives as long as it does).
    let validate =
        || unsafe { airbyte_embedded_spec_is_valid_text(handle, data.cast(), len, as_object) };
    let code = if len > RELEASE_GIL_ABOVE {
        // SAFETY: the GIL is held here; nothing between the two calls touches a Python object.
        let state = unsafe { (api.save_thread)() };
        let code = validate();
        // SAFETY: the state `save_thread` returned, on the thread that released it.
        unsafe { (api.restore_thread)(state) };
        code
    } else {
        validate()
    };
    match code {
        VALID => give(api.true_),
        INVALID => give(api.false_),
        _ => give(api.none),
    }
}

#[cfg(test)]
mod tests {
    //! The builtin against a stand-in C API: an "int" is a `u64` and a "str" a `&str`, each
    //! behind its object pointer; the singletons are three distinct addresses.
    use super::*;
    use crate::validation::Spec;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use uniffi::{Handle, Lift, Lower};

    static SINGLETONS: [u8; 3] = [0, 1, 2];
    static INCREFS: AtomicUsize = AtomicUsize::new(0);
    static FAILED: AtomicUsize = AtomicUsize::new(0);

    unsafe extern "C" fn long_as_u64(object: *mut PyObject) -> u64 {
        // SAFETY: the tests pass a `u64` behind every "int".
        let value = unsafe { *object.cast::<u64>() };
        if value == u64::MAX {
            FAILED.store(1, Ordering::SeqCst);
        }
        value
    }

    unsafe extern "C" fn utf8_and_size(object: *mut PyObject, len: *mut isize) -> *const c_char {
        // SAFETY: the tests pass a `&str` behind every "str".
        let text = unsafe { *object.cast::<&str>() };
        if text == "unencodable" {
            FAILED.store(1, Ordering::SeqCst);
            return std::ptr::null();
        }
        // SAFETY: a writable length.
        unsafe { *len = isize::try_from(text.len()).unwrap() };
        text.as_ptr().cast()
    }

    unsafe extern "C" fn err_occurred() -> *mut PyObject {
        if FAILED.load(Ordering::SeqCst) == 1 {
            SINGLETONS.as_ptr().cast_mut().cast()
        } else {
            null_mut()
        }
    }

    unsafe extern "C" fn incref(_: *mut PyObject) {
        INCREFS.fetch_add(1, Ordering::SeqCst);
    }

    static RELEASED: AtomicUsize = AtomicUsize::new(0);
    static STATE: u8 = 7;

    unsafe extern "C" fn save_thread() -> *mut c_void {
        RELEASED.fetch_add(1, Ordering::SeqCst);
        (&raw const STATE).cast_mut().cast()
    }

    unsafe extern "C" fn restore_thread(state: *mut c_void) {
        assert!(std::ptr::eq(
            state.cast_const().cast::<u8>(),
            &raw const STATE
        ));
        RELEASED.fetch_add(1, Ordering::SeqCst);
    }

    fn singleton(i: usize) -> *mut PyObject {
        SINGLETONS[i..].as_ptr().cast_mut().cast()
    }

    fn call(handle: u64, text: &str) -> *mut PyObject {
        call_as(handle, text, singleton(1))
    }

    fn call_as(handle: u64, text: &str, as_object: *mut PyObject) -> *mut PyObject {
        FAILED.store(0, Ordering::SeqCst);
        let mut handle = handle;
        let mut text = text;
        let args: [*mut PyObject; 3] =
            [(&raw mut handle).cast(), (&raw mut text).cast(), as_object];
        // SAFETY: the definition's function with three stand-in objects.
        unsafe { (DEF.0.method)(null_mut(), args.as_ptr(), 3) }
    }

    #[test]
    fn answers_true_false_none_or_passes_the_error_on() {
        let api = PythonApi {
            long_as_u64,
            utf8_and_size,
            err_occurred,
            incref,
            save_thread,
            restore_thread,
            true_: singleton(0),
            false_: singleton(1),
            none: singleton(2),
        };
        // SAFETY: a table of the stand-ins above.
        let def = unsafe { airbyte_embedded_python_is_valid_text_def(&api) };
        assert!(std::ptr::eq(def, &DEF.0));
        let spec = Spec::from_text(r#"{"type":"object","required":["n"]}"#.into()).unwrap();
        let handle = <Arc<Spec> as Lower<crate::UniFfiTag>>::lower(spec).as_raw();

        let before = INCREFS.load(Ordering::SeqCst);
        assert_eq!(call(handle, r#"{"n":1}"#), singleton(0));
        assert_eq!(call(handle, "{}"), singleton(1));
        assert_eq!(call(handle, "[1]"), singleton(2));
        assert_eq!(
            INCREFS.load(Ordering::SeqCst),
            before + 3,
            "each answer a new reference"
        );
        // A conversion that fails: NULL, the C API's exception left to propagate.
        assert!(call(u64::MAX, "{}").is_null());
        assert!(call(handle, "unencodable").is_null());
        // Another argument count: no answer.
        // SAFETY: no arguments are read when the count is wrong.
        let none = unsafe { (DEF.0.method)(null_mut(), std::ptr::null(), 0) };
        assert_eq!(none, singleton(2));
        // As `is_valid`'s object argument (`True` third): blank text is `{}`.
        assert_eq!(call_as(handle, " ", singleton(0)), singleton(1));
        assert_eq!(call(handle, " "), singleton(2));
        // A long config is validated without the GIL, a short one with it.
        let long = format!(r#"{{"n":1,"pad":"{}"}}"#, "x".repeat(RELEASE_GIL_ABOVE));
        RELEASED.store(0, Ordering::SeqCst);
        assert_eq!(call(handle, r#"{"n":1}"#), singleton(0));
        assert_eq!(RELEASED.load(Ordering::SeqCst), 0);
        assert_eq!(call(handle, &long), singleton(0));
        assert_eq!(
            RELEASED.load(Ordering::SeqCst),
            2,
            "released and taken back"
        );

        drop(
            <Arc<Spec> as Lift<crate::UniFfiTag>>::try_lift(Handle::from_raw_unchecked(handle))
                .unwrap(),
        );
    }
}
