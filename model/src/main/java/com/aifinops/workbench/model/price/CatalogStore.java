package com.aifinops.workbench.model.price;

import java.util.List;

/** Where user-edited and imported price rows and contract terms are kept (H2 in the app). */
public interface CatalogStore {
    List<PriceRow> rows() throws Exception;

    /** Adds rows, all or nothing. */
    void add(List<PriceRow> rows) throws Exception;

    List<ContractTerm> contractTerms() throws Exception;

    /** Adds or replaces the term for the same scope and name. */
    void putContractTerm(ContractTerm term) throws Exception;
}
