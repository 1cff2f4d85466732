package org.kljn.analysis.exact;

/** Eve's passive attacks on a KLJN line with losses. */
public enum Attack {
    /** Bergou-Scheuer-Yariv / Kish-Scheuer: ⟨U_A²⟩ - ⟨U_B²⟩ (paper, eq. 1). */
    BSY("bsy"),
    /** The paper's Second-Law attack: P_A - P_B, the difference of the powers into the cable (eqs. 7-9). */
    SECOND_LAW("secondLaw"),
    /** ⟨I_A²⟩ - ⟨I_B²⟩: zero for a lumped resistance, non-zero once the cable has shunt capacitance. */
    CURRENT("current");

    private final String key;

    Attack(String key) {
        this.key = key;
    }

    /** The name in JSON and tables. */
    public String key() {
        return key;
    }

    /** The unit of the attack's signal, for people: V² (a difference of mean-square voltages), W, A². */
    public String unit() {
        return switch (this) {
            case BSY -> "V²";
            case SECOND_LAW -> "W";
            case CURRENT -> "A²";
        };
    }
}
