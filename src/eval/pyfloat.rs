//! Python's `round(x, n)` and `repr(float)`, so printed figures match `score.py` exactly.

/// Python's `round(x, ndigits)` for a float: the exact binary value of `x` rounded to
/// `ndigits` decimals, ties to even, read back as the nearest float.
///
/// So `py_round(0.8125, 3) == 0.812` (an exact tie) but `py_round(2.675, 2) == 2.67`
/// (2.675 is stored slightly below the tie).
pub fn py_round(x: f64, ndigits: u32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // Every finite f64 has at most 1074 digits after the point, so this is exact.
    let exact = format!("{:.1100}", x.abs());
    let (int_part, frac) = exact.split_once('.').expect("fixed notation has a point");
    let nd = ndigits as usize;
    let mut digits: Vec<u8> = int_part.bytes().chain(frac[..nd].bytes()).collect();
    let rest = &frac.as_bytes()[nd..];
    let round_up = match rest.first() {
        Some(b'5'..=b'9') if rest[0] > b'5' || rest[1..].iter().any(|&d| d != b'0') => true,
        Some(b'5') => (digits.last().copied().unwrap_or(b'0') - b'0') % 2 == 1,
        _ => false,
    };
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - nd;
    let text = format!(
        "{}.{}",
        std::str::from_utf8(&digits[..split]).expect("ASCII digits"),
        std::str::from_utf8(&digits[split..]).expect("ASCII digits")
    );
    let v: f64 = text.parse().expect("a decimal number");
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// Python's `repr(x)` (also what `str(x)`, f-strings and `json.dumps` print): the shortest
/// digits that read back as `x`, in fixed notation for exponents -5 < e < 16 (always with a
/// point: `1.0`, `0.857`), otherwise as `1e-05` / `1.5e+16`.
pub fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    // `{:e}` gives the length of the shortest round-trip digits ("8.57e-1", "1e0"); among
    // the strings of that length Python picks the one closest to `x`, which is what the
    // correctly rounded exact formatting gives.
    let shortest = format!("{:e}", x.abs());
    let len = shortest
        .split('e')
        .next()
        .expect("mantissa")
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    let sci = format!("{:.*e}", len - 1, x.abs());
    let (mant, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("integer exponent");
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let n = digits.len() as i32;
    let decpt = exp + 1;
    let body = if (-4 < decpt) && (decpt <= 16) {
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt >= n {
            format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
        } else {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{first}{frac}e{esign}{:02}", exp.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_layouts() {
        for (x, s) in [
            (1.0, "1.0"),
            (0.857, "0.857"),
            (0.001, "0.001"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (123.0, "123.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e15, "1000000000000000.0"),
            (-0.0, "-0.0"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(py_float_repr(x), s, "{x}");
        }
    }

    #[test]
    fn rounding() {
        assert_eq!(py_round(0.8125, 3), 0.812);
        assert_eq!(py_round(0.8135, 3), 0.814);
        assert_eq!(py_round(2.0 / 3.0, 3), 0.667);
        assert_eq!(py_round(0.9995, 3), 1.0); // stored above the tie
        assert_eq!(py_round(0.99951, 3), 1.0);
        assert_eq!(py_round(-0.0004, 3).to_bits(), (-0.0f64).to_bits());
    }
}
