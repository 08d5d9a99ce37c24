package sns

// signingKeyPEM is the RSA-2048 private key with which every cloud signs
// its SNS messages. It is a public test key of no value: it was generated
// once with `openssl genrsa -traditional 2048`, is published with this source, and
// protects nothing. It is fixed, not generated, so that signatures are the
// same on every run (crypto/rsa ignores any seeded reader since Go 1.26, and
// PKCS #1 v1.5 signatures are deterministic) and so that no cloud pays for
// making a key.
const signingKeyPEM = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAstBF/AgeIlyjZvmdfIDRmr72LP1qxZkVvIK2P0Lx8LioUZon
00FWf/40UXvFImF+lR9xjqM1RvMe4pl2QLdHfQ9b0u1qe/L8PQSjjM65crgv3vJi
SXKoxrOgmYitlM7ZTg4keFD7JHV1nPlVyTnq20ppFkmQtMCHhL0UeV4PVh7tzp/y
P6Z/5a56aL8wAPIf3jtkTYYRYL3TtTqy+4lBkA+6ZoQc/0eOlh8mSXCvgua/POmK
qouDZ7zB8Ud8dQFqqcblvvoDz/23Y3z3kn0MzW0Enrrl3aRFQw2qWIppQUcfUbAY
tdXaD1k2kvZUvTj8ZfYuwYt0/k1GZTd2pYWA6QIDAQABAoIBAAixlvAlq467dves
Y9tyyT4UfL7mj0i4zwARptoKijLMTOVdcQQ/ZVI8bL9tchc1gERbJAKYWCBxSkDK
z0oJidXrEj7Ta4hH4br3EnCSeHJlwXC903ODZJtMjnQIhiVPApezQ6ip30aq2KNf
fVaW6fPsI+cr1SJEnhIhE0bCAPg3Mcil84a36vEmDabX4vtCQdZtz6OkuQcg03E6
9ufixZSdLfYjzPn47k2Zm96BHL+MZ7oPFKg0/dsYDwUOm6gsPyPEqMwCAfMYZoF8
0AR51RKAqGaKGFmF5kxKjigoAVya5Lm5Qv/GJHCQpfTdQsYvYhGexBsbvM5ag8rw
O8AXmxECgYEA8dlxcKB39ZCJBqW8WKL8wMlUMDK8BwHYnDOdPXaGjcfroZH9vSoI
6Nes3xvMA4WXwNr7N5Zb3VjcHQarosRG7AQxlV7G2qyC2TowU2ysimGfuiwl4QwC
aEq6T9D6lULMl/l0Wn3yFftjs4PcGM8mG7wzu464PPbjlkTuV6fqvwUCgYEAvUak
5C0BXHpmK9YQDvPpxHkehxbge48xfzivNDZvIMbEhdSEaPTvI6Aw3iklQQ2h901F
fixYFT8CijTZVfjUsDDHzezencnehn07fM9ZvrtdAXQRnPdEMowCEF6FLmJ1Yw9x
iql07cXU54ATAWeDXUZqSDLB3yKmcULpUtAFd5UCgYBEOcs+soYkyDlfnrGbb59N
433UevuAHo00w3rANAeRR6y5T639BzasOOuTpQvQkodU6HGmJMyVjNPLfG4+5I/9
VNGICcyfM7tV/IxVfHrQLuoYYwvsiK7FLQ+SJKoMIWQGG2EvhggdG2Xs5m3YsddW
S6lsZ76htCRP5/I02DHo4QKBgDs2HGNdSO27RLc18jQbTegu08QC/hrpQty/yN+W
n9ErHVOYlguXhDAq7t6xFHxzXVXWEIVWLgAHhC3kNpFUlITB3d+n2ESYYErGZpO2
8iZeysunmdL275i4f/TK/PLzzjE9JZHxTSkNGHuLb2ajEU9eteT8K/Y4CsWn3wIP
HYa5AoGBAJ2uJu1RQgSJtq7deIqQ5vhPRvgHbiSyoL7lUOmKVm8TaO8ErRftENRf
Yhd3TiZrNr444qLhzFV4W0AJMizSqVRzZ4+bxsswzjyeeToe/ld2PLbAJ2Axa+PU
P/es3G2hf6w0QJoW1+4EZW3ewsqWhN0dT6U3OFZ/Fu/19JKIqO2J
-----END RSA PRIVATE KEY-----
`
